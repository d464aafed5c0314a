package dev.provisioner.ops.etcd;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of one backup: {@code <cluster>-<UTC timestamp>/} holding {@value #SNAPSHOT} (etcd's
 * snapshot), {@value #PKI}/ (a copy of the cluster PKI from the state directory) and {@value #MANIFEST}
 * (the SHA-256 of every other file, in {@code sha256sum} format, so {@code sha256sum -c} checks it).
 * Pure.
 */
public final class SnapshotLayout {
    public static final String SNAPSHOT = "etcd-snapshot.db";
    public static final String PKI = "pki";
    public static final String MANIFEST = "SHA256SUMS";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern LINE = Pattern.compile("^([0-9a-f]{64})  (\\S.*)$");

    private SnapshotLayout() {
    }

    /** {@code trio-20261126T021500Z}. */
    public static String directoryName(String cluster, Instant at) {
        return cluster + "-" + STAMP.format(at);
    }

    /** {@code sha256sum} lines for relative path -> hex digest, sorted by path. */
    static String manifest(Map<String, String> sha256ByPath) {
        StringBuilder s = new StringBuilder();
        new java.util.TreeMap<>(sha256ByPath).forEach((path, sum) -> {
            if (path.contains("\n") || path.startsWith("/") || path.contains("..")) {
                throw new IllegalArgumentException("not a relative backup path: " + path);
            }
            s.append(sum).append("  ").append(path).append('\n');
        });
        return s.toString();
    }

    /**
     * The manifest's entries.
     *
     * @throws IllegalArgumentException naming the line that is not {@code <64 hex>  <path>}
     */
    static Map<String, String> parseManifest(String text) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(lines[i]);
            if (!m.matches()) {
                throw new IllegalArgumentException(MANIFEST + " line " + (i + 1) + " is not '<sha256>  <path>': " + lines[i]);
            }
            out.put(m.group(2), m.group(1));
        }
        return out;
    }
}
