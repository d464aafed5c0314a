package dev.provisioner.engine;

import dev.provisioner.operation.RunLock;

import dev.provisioner.transport.Command;
import dev.provisioner.transport.UploadScript;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What an interrupted earlier run can leave on a host, and the shell line that removes it: staging
 * directories of uploads (ours only: the engine is the only user of uploads and holds the run lock),
 * and the temporary files written beside managed files before their atomic rename
 * ({@code .<name>.provisioner-new}, {@code .<name>.provisioner-tmp.<random>} from mktemp). Run right after taking the
 * {@link RunLock}, so no other run's files can be in flight.
 */
final class Leftovers {
    static final String STAGE_DIR = RunLock.DIR + "/stage";
    /** Suffixes of the temporary files written beside a destination before the rename. */
    static final List<String> TEMP_SUFFIXES = List.of(ApplyScript.TEMP_SUFFIX, UploadScript.TEMP_SUFFIX);

    private Leftovers() {
    }

    /** The temporary names an atomic write of {@code path} may leave beside it. */
    static List<String> tempFiles(String path) {
        String dir = ApplyScript.parent(path);
        String name = path.substring(path.lastIndexOf('/') + 1);
        List<String> out = new ArrayList<>();
        for (String suffix : TEMP_SUFFIXES) {
            out.add((dir.equals("/") ? "" : dir) + "/." + name + suffix);
        }
        return out;
    }

    /**
     * Shell lines removing every leftover of earlier runs for {@code managedPaths}; a process is started
     * only for what exists (usually nothing).
     */
    static String cleanup(Collection<String> managedPaths) {
        StringBuilder s = new StringBuilder("for f in " + STAGE_DIR + "/* " + UploadScript.STAGING_PREFIX + "*; do\n"
                + "  if [ -e \"$f\" ] || [ -L \"$f\" ]; then rm -rf -- \"$f\" 2>/dev/null || true; fi\ndone\n");
        List<String> temps = new ArrayList<>();
        managedPaths.forEach(p -> {
            temps.add(Command.quote(tempFiles(p).get(0)));
            temps.add(UploadScript.leftoverPattern(p));
        });
        if (!temps.isEmpty()) {
            s.append("for f in");
            temps.forEach(t -> s.append(' ').append(t));
            s.append("; do\n  if [ -e \"$f\" ] || [ -L \"$f\" ]; then rm -f -- \"$f\" 2>/dev/null || true; fi\ndone\n");
        }
        return s.toString();
    }
}
