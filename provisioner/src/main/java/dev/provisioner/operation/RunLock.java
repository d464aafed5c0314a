package dev.provisioner.operation;

import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;

import java.util.Optional;

/**
 * The per-host run lock, taken by the first command of an {@code apply} (the facts script), so it
 * costs no round trip of its own. The script takes {@code flock} on {@value #LOCK}, records who holds
 * it in {@value #HOLDER}, and hands the lock to a small watcher process that keeps it exactly as
 * long as the run's SSH connection lives (it polls the connection's sshd process every 0.2 s). A
 * finished, crashed or killed controller therefore never leaves a stale lock: when its connection
 * drops, sshd exits and the lock is free within a second. Then it waits for {@value #BUSY}, which
 * every apply script holds shared while it runs, so a script orphaned by a lost connection (sshd
 * does not stop it) finishes its current action before a new run starts changing things.
 *
 * <p>A refusal exits {@value #REFUSED} with one stderr line {@code provisioner-lock: <holder>}.
 */
public final class RunLock {
    public static final String DIR = "/var/lib/provisioner";
    public static final String LOCK = DIR + "/run.lock";
    public static final String HOLDER = DIR + "/run.lock.holder";
    public static final String BUSY = DIR + "/run.busy";
    /** Exit code of the lock script when another run holds the lock. */
    public static final int REFUSED = 75;
    public static final String REFUSAL_PREFIX = "provisioner-lock: ";

    private RunLock() {
    }

    /**
     * Shell lines that take the lock for the connection's lifetime or exit {@value #REFUSED}.
     *
     * @param holder who asks, in words ("run 1a2b3c4d by alice@laptop (pid 4242) since 2026-...Z")
     */
    public static String acquire(String holder) {
        String h = Command.quote(holder);
        return "d=" + DIR + "\n"
                + "[ -d \"$d\" ] || mkdir -p -m 0700 \"$d\"\n"
                + "refuse() { printf '" + REFUSAL_PREFIX + "%s\\n' \"$1\" >&2; exit " + REFUSED + "; }\n"
                + "if command -v flock >/dev/null 2>&1; then\n"
                // The connection's own sshd process: the first ancestor called sshd*, read with shell builtins
                // (no process per level: on a converged host this script is the whole cost of a run).
                + "  s=$$\n"
                + "  while [ \"${s:-1}\" -gt 1 ]; do\n"
                + "    c=; { IFS= read -r c < /proc/$s/comm; } 2>/dev/null\n"
                + "    case \"$c\" in sshd*) break ;; esac\n"
                + "    st=; { IFS= read -r st < /proc/$s/stat; } 2>/dev/null\n"
                + "    st=${st##*) }; st=${st#* }; s=${st%% *}\n"
                + "  done\n"
                + "  exec 9>>" + LOCK + "\n"
                + "  flock -w 5 9 || refuse \"$(cat " + HOLDER + " 2>/dev/null || echo 'an unknown run')\"\n"
                + "  exec 8>>" + BUSY + "\n"
                + "  flock -w 10 8 || refuse 'a script of an earlier run whose connection was lost is still running'\n"
                + "  exec 8>&-\n"
                + "  printf '%s\\n' " + h + " > " + HOLDER + "\n"
                + "  if [ \"${s:-1}\" -gt 1 ]; then\n"
                // GNU tail waits for the pid without forking; where it cannot (or setsid is missing), a
                // kill -0 loop does. The background subshell holds fd 9 until the waiting ends.
                + "    { setsid tail --pid=\"$s\" -s 0.2 -f /dev/null 2>/dev/null"
                + " || while kill -0 \"$s\" 2>/dev/null; do sleep 0.2; done; } </dev/null >/dev/null 2>&1 &\n"
                + "  fi\n"
                + "  exec 9>&-\n"
                + "fi\n";
    }

    /** Lines an apply script starts with: it holds {@value #BUSY} shared until it exits. */
    public static String busy() {
        // Checked first: a failed redirection on exec would end a non-interactive sh.
        return "if [ -d " + DIR + " ] && [ -w " + DIR + " ]; then exec 8>>" + BUSY
                + "; flock -s -w 30 8 2>/dev/null || true; fi\n";
    }

    /** Who holds the lock, from a refused script's stderr. */
    public static String holder(String stderr) {
        for (String line : stderr.split("\n")) {
            if (line.startsWith(REFUSAL_PREFIX)) {
                return line.substring(REFUSAL_PREFIX.length()).strip();
            }
        }
        return "an unknown run";
    }

    /**
     * Who takes the lock, in words: {@code activity} ("run 1a2b3c4d", "reset") with user@controller,
     * process id and start time.
     */
    public static String holderFor(String activity) {
        return RunHolder.describeAs(activity);
    }

    /** The holder named by a script that was refused the lock, or empty when the result is not such a refusal. */
    public static Optional<String> refusedBy(CommandResult result) {
        return result.exitCode() == REFUSED && result.stderr().contains(REFUSAL_PREFIX)
                ? Optional.of(holder(result.stderr())) : Optional.empty();
    }
}
