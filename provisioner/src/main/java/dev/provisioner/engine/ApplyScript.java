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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one shell script that applies a host's batch. After each action the script prints a marker line, and on a
 * failure it prints which action failed and exits with its code. An action that is one {@code systemctl} command
 * (enable, start, restart, daemon-reload) runs in the script's own shell, consecutive enables as one command; every
 * other action runs in its own {@code sh -e}, so its first failing line stops it. Files are placed in action order,
 * so a file owned by a user that a package creates is placed after that package is installed: world-readable text
 * travels in the script itself ({@link InlineFiles}), every other file was uploaded beforehand into a private
 * staging directory.
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
     * @param staged  staged file path per PutFile index in {@code batch}; a PutFile without one travels in the
     *                script ({@link InlineFiles})
     * @param stageDir directory removed when the script ends (when anything was staged)
     */
    static String build(List<Planned> batch, Map<Integer, String> staged, String stageDir) {
        StringBuilder s = new StringBuilder();
        if (!staged.isEmpty()) {
            s.append("stage=").append(Command.quote(stageDir)).append('\n')
             .append("trap 'rm -rf \"$stage\"' EXIT\n");
        }
        s.append(RunLock.busy())
         .append("T=\n")
         .append(WrittenFiles.functions())
         .append("fail() { [ -z \"$T\" ] || eval \"rm -f -- $T\"; flush; printf '\\n").append(MARK)
         .append("failed %s %s\\n' \"$1\" \"$2\"; exit \"$2\"; }\n");
        int i = 0;
        while (i < batch.size()) {
            Action action = batch.get(i).action();
            if (action instanceof PutFile && !staged.containsKey(i)) {
                List<Integer> run = new ArrayList<>();
                while (i < batch.size() && batch.get(i).action() instanceof PutFile && !staged.containsKey(i)) {
                    run.add(i++);
                }
                s.append(InlineFiles.place(batch, run)).append("flush\n");
            } else if (action instanceof EnsureUnit e && e.enable() && !e.start()) {
                List<String> units = new ArrayList<>();
                int first = i;
                while (i < batch.size() && batch.get(i).action() instanceof EnsureUnit u && u.enable() && !u.start()) {
                    units.add(Command.quote(u.unit()));
                    i++;
                }
                s.append(enableAll(first, units));
            } else if (direct(action)) {
                s.append(directLine(action)).append(" || fail ").append(i).append(" $?\n").append(done(i));
                i++;
            } else {
                String body = body(action, staged.get(i), unitsBefore(batch, i));
                // 8>&-: a daemon an action starts must not inherit the run's busy lock.
                String line = "sh -ec " + Command.quote(body) + " 8>&- || fail " + i + " $?\n";
                Optional<String> nothingNew = HostManifest.isFirstRecord(batch.get(i)) ? HostManifest.nothingNew(batch) : Optional.empty();
                if (nothingNew.isPresent()) {
                    line = "if ! { " + nothingNew.get() + "; }; then\n  " + line + "fi\n";
                }
                s.append(line).append(done(i));
                i++;
            }
        }
        return s.toString();
    }

    /**
     * One {@code systemctl enable} for consecutive units to enable; when it fails, each unit alone, so that the
     * failure is reported against its own action.
     */
    private static String enableAll(int first, List<String> units) {
        StringBuilder s = new StringBuilder();
        if (units.size() > 1) {
            s.append("if ! systemctl enable --no-reload ").append(String.join(" ", units)).append(" 8>&-; then\n");
            for (int k = 0; k < units.size(); k++) {
                s.append("  systemctl enable --no-reload ").append(units.get(k)).append(" 8>&- || fail ").append(first + k).append(" $?\n");
            }
            s.append("fi\n");
        } else {
            s.append("systemctl enable --no-reload ").append(units.get(0)).append(" 8>&- || fail ").append(first).append(" $?\n");
        }
        for (int k = 0; k < units.size(); k++) {
            s.append(done(first + k));
        }
        return s.toString();
    }

    /** Actions that are one command and run in the script's own shell: no {@code sh} of their own. */
    private static boolean direct(Action action) {
        return action instanceof EnsureUnit || action instanceof RestartUnit || action instanceof DaemonReload;
    }

    private static String directLine(Action action) {
        if (action instanceof EnsureUnit unit) {
            List<String> lines = new ArrayList<>();
            if (unit.enable()) {
                lines.add("systemctl enable --no-reload " + Command.quote(unit.unit()) + " 8>&-");
            }
            if (unit.start()) {
                lines.add("systemctl start " + Command.quote(unit.unit()) + " 8>&-");
            }
            return lines.isEmpty() ? ":" : "{ " + String.join(" && ", lines) + "; }";
        } else if (action instanceof RestartUnit restart) {
            return "systemctl restart " + Command.quote(restart.unit()) + " 8>&-";
        }
        return "systemctl daemon-reload 8>&-";
    }

    private static String done(int i) {
        return "printf '" + MARK + "done %s\\n' " + i + "\n";
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
