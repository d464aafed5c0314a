package dev.provisioner.facts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parses the output of {@link FactsScript} into {@link HostFacts}. Pure. */
public final class FactsParser {
    /** The checksum field of a file under /proc or /sys: not hashed on the host, computed here from its content. */
    private static final String KERNEL = "-";

    private FactsParser() {
    }

    /**
     * @throws FactsException when the output is truncated (no {@code end} line) or malformed
     */
    public static HostFacts parse(String host, String output, FactsQuery query) {
        String osId = "unknown";
        String osVersion = "";
        String osLike = "";
        String arch = "unknown";
        PackageManager pm = PackageManager.UNKNOWN;
        Map<String, String> packages = new HashMap<>();
        Map<String, FileState> files = new HashMap<>();
        Map<String, UnitState> units = new HashMap<>();
        Map<String, String> candidates = new HashMap<>();
        List<String> system = new ArrayList<>();
        Map<String, StringBuilder> texts = new HashMap<>();
        boolean ended = false;
        for (String line : output.split("\n")) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "text" -> textLine(texts, files, line, host).append('\n');
                case "textfail" -> throw new FactsTextMismatchException(host, "(the text of the files)");
                case "textend" -> {
                    String path = field(f, 1, line, host);
                    FileState s = files.get(path);
                    byte[] bytes = textLine(texts, files, line, host).toString().getBytes(StandardCharsets.UTF_8);
                    texts.remove(path);
                    String sha = sha256(bytes);
                    if (s.sha256().equals(KERNEL)) {
                        // a kernel interface, not hashed on the host: its text is taken as it came
                        s = new FileState(path, s.exists(), sha, s.mode(), s.owner(), s.group(), Optional.empty());
                    } else if (!sha.equals(s.sha256())) {
                        throw new FactsTextMismatchException(host, path);
                    }
                    files.put(path, new FileState(path, s.exists(), s.sha256(), s.mode(), s.owner(), s.group(), Optional.of(bytes)));
                }
                case "os" -> {
                    osId = field(f, 1, line, host);
                    osVersion = f.length > 2 ? f[2] : "";
                    osLike = f.length > 3 ? f[3] : "";
                }
                case "arch" -> arch = field(f, 1, line, host);
                case "pm" -> pm = packageManager(field(f, 1, line, host));
                case "pkg" -> packages.put(field(f, 1, line, host), field(f, 2, line, host));
                case "cand" -> candidates.put(field(f, 1, line, host), field(f, 2, line, host));
                case "file" -> files.put(field(f, 1, line, host), file(f, line, host));
                case "content" -> {
                    String path = field(f, 1, line, host);
                    FileState s = files.get(path);
                    if (s == null) {
                        throw new FactsException(host, "content before file line: " + path);
                    }
                    byte[] bytes = base64(f.length > 2 ? f[2].strip() : "", path, host);
                    String sha = s.sha256().equals(KERNEL) ? sha256(bytes) : s.sha256();
                    files.put(path, new FileState(path, s.exists(), sha, s.mode(), s.owner(), s.group(), Optional.of(bytes)));
                }
                case "unit" -> units.put(field(f, 1, line, host),
                        new UnitState(f[1], field(f, 2, line, host), field(f, 3, line, host)));
                case "sys" -> system.add(field(f, 1, line, host));
                case "end" -> ended = true;
                default -> {
                    // blank lines and stray output (motd, shell noise) are not facts
                }
            }
        }
        if (!ended) {
            throw new FactsException(host, "the facts script output ended early (no end marker)");
        }
        for (FileState s : files.values()) {
            if (s.exists() && s.sha256().equals(KERNEL)) {
                throw new FactsException(host, "no content for " + s.path() + " (a file under /proc or /sys travels with its content)");
            }
        }
        if (!texts.isEmpty()) {
            throw new FactsException(host, "content of " + texts.keySet().iterator().next() + " has no textend line");
        }
        for (String path : query.files().keySet()) {
            files.putIfAbsent(path, FileState.absent(path));
        }
        return new HostFacts(host, osId, osVersion, OsFamily.of(osId, osLike), pm, arch, packages, files, units, candidates, system);
    }

    private static FileState file(String[] f, String line, String host) {
        String path = field(f, 1, line, host);
        if (!"present".equals(field(f, 2, line, host))) {
            return FileState.absent(path);
        }
        String[] meta = field(f, 4, line, host).split(":", -1);
        if (meta.length != 3) {
            throw new FactsException(host, "malformed file metadata: " + line);
        }
        int mode;
        try {
            mode = Integer.parseInt(meta[0], 8);
        } catch (NumberFormatException e) {
            throw new FactsException(host, "malformed file metadata: " + line);
        }
        return new FileState(path, true, field(f, 3, line, host), mode, meta[1], meta[2], Optional.empty());
    }

    /** A name the script printed; one it does not know of is {@link PackageManager#UNKNOWN}. */
    private static PackageManager packageManager(String name) {
        for (PackageManager p : PackageManager.values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        return PackageManager.UNKNOWN;
    }

    /** The builder of a {@code text} or {@code textend} line's file, its line appended (all after the second tab). */
    private static StringBuilder textLine(Map<String, StringBuilder> texts, Map<String, FileState> files, String line, String host) {
        int first = line.indexOf('\t');
        int second = first < 0 ? -1 : line.indexOf('\t', first + 1);
        if (second < 0) {
            throw new FactsException(host, "malformed facts line: " + line);
        }
        String path = line.substring(first + 1, second);
        if (!files.containsKey(path)) {
            throw new FactsException(host, "content before file line: " + path);
        }
        return texts.computeIfAbsent(path, p -> new StringBuilder()).append(line, second + 1, line.length());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] base64(String text, String path, String host) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new FactsException(host, "malformed content of " + path + " (not Base64)");
        }
    }

    private static String field(String[] f, int i, String line, String host) {
        if (f.length <= i) {
            throw new FactsException(host, "malformed facts line: " + line);
        }
        return f[i];
    }
}
