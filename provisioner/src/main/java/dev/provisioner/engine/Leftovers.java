package dev.provisioner.engine;

import dev.provisioner.facts.FactsScript;
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
        StringBuilder s = new StringBuilder("for f in " + directories() + "; do\n"
                + "  if [ -e \"$f\" ] || [ -L \"$f\" ]; then rm -rf -- \"$f\" 2>/dev/null || true; fi\ndone\n");
        s.append("for f in ").append(String.join(" ", files(managedPaths)))
         .append("; do\n  if [ -e \"$f\" ] || [ -L \"$f\" ]; then rm -f -- \"$f\" 2>/dev/null || true; fi\ndone\n");
        return s.toString();
    }

    /**
     * Shell lines defining {@code leftovers}, which succeeds when anything {@link #cleanup} removes is there:
     * shell tests only, no process. A run that finds nothing reads the facts without the run lock.
     */
    static String detect(Collection<String> managedPaths) {
        return "leftovers() {\n  for f in " + directories() + " " + String.join(" ", files(managedPaths)) + "; do\n"
                + "    if [ -e \"$f\" ] || [ -L \"$f\" ]; then return 0; fi\n  done\n  return 1\n}\n";
    }

    private static String directories() {
        return STAGE_DIR + "/* " + UploadScript.STAGING_PREFIX + "*";
    }

    /** Temporary files beside managed files, and the facts script's own (it keeps its lists without the lock). */
    private static List<String> files(Collection<String> managedPaths) {
        List<String> temps = new ArrayList<>();
        temps.add(RunLock.DIR + "/facts-*" + FactsScript.TEMP_MARK + "*");
        managedPaths.forEach(p -> {
            temps.add(Command.quote(tempFiles(p).get(0)));
            temps.add(UploadScript.leftoverPattern(p));
        });
        return temps;
    }
}
