package dev.provisioner.engine;

import dev.provisioner.operation.RunLock;

import dev.provisioner.step.Action;
import dev.provisioner.step.DaemonReload;
import dev.provisioner.step.EnsureUnit;
import dev.provisioner.step.InstallPackages;
import dev.provisioner.step.Placement;
import dev.provisioner.step.PutFile;
import dev.provisioner.step.RestartOnChange;
import dev.provisioner.step.RestartUnit;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.WaitHealthy;
import dev.provisioner.transport.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one shell script that applies a host's batch. Each action runs in its own {@code sh -e}, so
 * the first failing line stops it; after each action the script prints a marker line, and on a
 * failure it prints which action failed and exits with its code. Files were uploaded beforehand
 * into a private staging directory and are placed here, in action order, so a file owned by a user
 * that a package creates is placed after that package is installed.
 */
final class ApplyScript {
    static final String MARK = "@@provisioner ";
    /** Suffix of the temporary file beside a destination, {@code .<name>.provisioner-new}, before its rename. */
    static final String TEMP_SUFFIX = ".provisioner-new";
    /** Exit code of a health check that ran out of time (as timeout(1) reports it). */
    static final int HEALTH_TIMEOUT = 124;

    private ApplyScript() {
    }

    /**
     * @param batch   the ordered actions
     * @param staged  staged file path per PutFile index in {@code batch}
     * @param stageDir directory removed when the script ends
     */
    static String build(List<Planned> batch, Map<Integer, String> staged, String stageDir) {
        StringBuilder s = new StringBuilder();
        s.append("stage=").append(Command.quote(stageDir)).append('\n')
         .append("trap 'rm -rf \"$stage\"' EXIT\n")
         .append(RunLock.busy())
         .append("fail() { printf '\\n").append(MARK).append("failed %s %s\\n' \"$1\" \"$2\"; exit \"$2\"; }\n");
        for (int i = 0; i < batch.size(); i++) {
            String body = body(batch.get(i).action(), staged.get(i), unitsBefore(batch, i));
            // 8>&-: a daemon an action starts must not inherit the run's busy lock.
            s.append("sh -ec ").append(Command.quote(body)).append(" 8>&- || fail ").append(i).append(" $?\n")
             .append("printf '").append(MARK).append("done %s\\n' ").append(i).append('\n');
        }
        return s.toString();
    }

    /** Units started or restarted by the same step before action {@code index}: a failed health check shows their journal. */
    static List<String> unitsBefore(List<Planned> batch, int index) {
        List<String> units = new ArrayList<>();
        for (int i = 0; i < index; i++) {
            Planned p = batch.get(i);
            if (!p.step().equals(batch.get(index).step())) {
                continue;
            }
            if (p.action() instanceof RestartUnit r && !units.contains(r.unit())) {
                units.add(r.unit());
            } else if (p.action() instanceof EnsureUnit e && !units.contains(e.unit())) {
                units.add(e.unit());
            }
        }
        return units;
    }

    static String body(Action action, String stagedFile) {
        return body(action, stagedFile, List.of());
    }

    static String body(Action action, String stagedFile, List<String> stepUnits) {
        if (action instanceof PutFile put) {
            return place(put, stagedFile);
        } else if (action instanceof InstallPackages install) {
            return install.script();
        } else if (action instanceof RunCommand run) {
            return run.script();
        } else if (action instanceof EnsureUnit unit) {
            return unit.script();
        } else if (action instanceof RestartUnit restart) {
            return restart.script();
        } else if (action instanceof DaemonReload) {
            return "systemctl daemon-reload";
        } else if (action instanceof WaitHealthy wait) {
            List<String> units = new ArrayList<>(wait.units());
            stepUnits.stream().filter(u -> !units.contains(u)).forEach(units::add);
            return health(wait, units);
        }
        throw new IllegalStateException("not executable as a script: " + ((RestartOnChange) action).unit());
    }

    private static String place(PutFile put, String staged) {
        String dir = Command.quote(parent(put.path()));
        String mode = String.format("%04o", put.file().mode());
        String owner = Command.quote(put.file().owner() + ":" + put.file().group());
        String src = Command.quote(staged);
        StringBuilder s = new StringBuilder("dest=").append(Command.quote(put.path())).append('\n')
                .append("mkdir -p ").append(dir).append('\n')
                .append(WrittenFiles.backupIfEdited());
        if (put.file().placement() == Placement.IN_PLACE) {
            // Same inode: the destination may be a mount point (Docker bind-mounts /etc/hosts),
            // where a rename fails with EBUSY. cp into the existing file keeps the mount.
            s.append("cp -- ").append(src).append(" \"$dest\"\nchmod ").append(mode).append(" \"$dest\"\nchown ")
             .append(owner).append(" \"$dest\"\n");
        } else {
            // A failure (a full disk) removes the partial temporary file; the destination is untouched.
            String tmp = Command.quote(Leftovers.tempFiles(put.path()).get(0));
            s.append("tmp=").append(tmp).append("\ntrap 'rm -f -- \"$tmp\"' EXIT\n")
             .append("cp -- ").append(src).append(" \"$tmp\"\nchmod ").append(mode).append(" \"$tmp\"\nchown ")
             .append(owner).append(" \"$tmp\"\nsync -- \"$tmp\" 2>/dev/null || true\nmv -f -- \"$tmp\" \"$dest\"\n");
        }
        return s.append(WrittenFiles.record(put.file().sha256())).toString();
    }

    private static String health(WaitHealthy wait, List<String> units) {
        long seconds = Math.max(1, wait.timeout().toSeconds());
        StringBuilder journal = new StringBuilder();
        for (String unit : units) {
            // The journal first, the verdict last: the failure keeps the last lines of stderr.
            journal.append("    journalctl -u ").append(Command.quote(unit))
                   .append(" -n 6 --no-pager -o cat 2>/dev/null | sed 's/^/  journal: /' >&2 || true\n");
        }
        return "deadline=$(( $(date +%s) + " + seconds + " ))\n"
                + "until sh -c " + Command.quote(wait.script()) + " >/dev/null 2>&1; do\n"
                + "  if [ \"$(date +%s)\" -ge \"$deadline\" ]; then\n"
                + journal
                + "    echo " + Command.quote("health check failed after " + seconds + "s: " + wait.probe()) + " >&2\n"
                + "    exit " + HEALTH_TIMEOUT + "\n"
                + "  fi\n"
                + "  sleep 1\n"
                + "done";
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** Indices of the actions the output says completed. */
    static Set<Integer> done(String stdout) {
        Set<Integer> out = new TreeSet<>();
        for (String line : stdout.split("\n")) {
            if (line.startsWith(MARK + "done ")) {
                out.add(Integer.parseInt(line.substring((MARK + "done ").length()).strip()));
            }
        }
        return out;
    }

    /** Index of the action the output says failed, or -1. */
    static int failed(String stdout) {
        for (String line : stdout.split("\n")) {
            if (line.startsWith(MARK + "failed ")) {
                return Integer.parseInt(line.substring((MARK + "failed ").length()).split(" ")[0]);
            }
        }
        return -1;
    }
}
