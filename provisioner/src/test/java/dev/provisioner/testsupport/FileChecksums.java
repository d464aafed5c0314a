package dev.provisioner.testsupport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A checksum manifest of managed files on a lab host, for "every managed file is either its old or
 * its new content, never partial": take {@link #of} before a faulty run, then {@link #assertOldOrNew}
 * with the checksums the run wanted to write. {@link #leftovers} lists the engine's temporary files
 * (staging directories, {@code .name.provisioner-new|tmp} beside destinations under /etc, /opt, /usr/local
 * and /var/lib) still on the host.
 */
public final class FileChecksums {
    /** The checksum recorded for a file that does not exist. */
    public static final String ABSENT = "absent";
    private final Map<String, String> byPath;

    private FileChecksums(Map<String, String> byPath) {
        this.byPath = byPath;
    }

    /** sha256 of each of {@code paths} on {@code host} right now ({@link #ABSENT} when missing). */
    public static FileChecksums of(LabHost host, Collection<String> paths) {
        StringBuilder script = new StringBuilder();
        for (String p : paths) {
            script.append("if [ -f '").append(p).append("' ]; then sha256sum < '").append(p)
                  .append("' | cut -d' ' -f1; else echo ").append(ABSENT).append("; fi\n");
        }
        List<String> lines = host.execOk(script.toString()).lines().toList();
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        for (String p : paths) {
            out.put(p, lines.get(i++));
        }
        return new FileChecksums(out);
    }

    public String sha(String path) {
        return byPath.get(path);
    }

    public Map<String, String> asMap() {
        return Map.copyOf(byPath);
    }

    /** Each file on {@code host} now has its checksum from this manifest or the one in {@code wanted}. */
    public void assertOldOrNew(LabHost host, Map<String, String> wanted) {
        FileChecksums now = of(host, byPath.keySet());
        byPath.forEach((path, old) -> assertThat(now.sha(path)).as(host.name() + ":" + path + " is its old or its new content")
                .isIn(old, wanted.getOrDefault(path, old)));
    }

    /** Every file on {@code host} is unchanged since this manifest was taken. */
    public void assertUnchanged(LabHost host) {
        assertThat(of(host, byPath.keySet()).asMap()).as(host.name() + " unchanged").isEqualTo(byPath);
    }

    /** The engine's temporary files and staging directories left on {@code host}. */
    public static List<String> leftovers(LabHost host) {
        String found = host.execOk("{ find /etc /opt /usr/local /var/lib -xdev \\( -name '.*.provisioner-new' -o -name '.*.provisioner-tmp*' \\)"
                + " -print 2>/dev/null;"
                + " find /tmp -maxdepth 1 -name '.provisioner-upload-*' -print 2>/dev/null;"
                + " find /var/lib/provisioner/stage -mindepth 1 -maxdepth 1 -print 2>/dev/null; } || true");
        return new ArrayList<>(found.lines().filter(l -> !l.isBlank()).toList());
    }
}
