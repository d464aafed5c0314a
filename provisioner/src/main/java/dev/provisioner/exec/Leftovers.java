package dev.provisioner.exec;

import dev.provisioner.transport.Command;
import dev.provisioner.transport.UploadScript;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What an interrupted earlier run can leave on a host, and the shell line that removes it: staging
 * directories of uploads (ours only: the engine is the only user of uploads and holds the run lock),
 * and the temporary files written beside managed files before their atomic rename
 * ({@code .<name>.provisioner-new}, {@code .<name>.provisioner-tmp}). Run right after taking the
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

    /** One shell line removing every leftover of earlier runs for {@code managedPaths}. */
    static String cleanup(Collection<String> managedPaths) {
        StringBuilder s = new StringBuilder("rm -rf " + STAGE_DIR + "/* " + UploadScript.STAGING_PREFIX + "* 2>/dev/null || true\n");
        List<String> temps = new ArrayList<>();
        managedPaths.forEach(p -> temps.addAll(tempFiles(p)));
        if (!temps.isEmpty()) {
            s.append("rm -f --");
            temps.forEach(t -> s.append(' ').append(Command.quote(t)));
            s.append(" 2>/dev/null || true\n");
        }
        return s.toString();
    }
}
