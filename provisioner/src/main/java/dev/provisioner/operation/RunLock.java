package dev.provisioner.operation;

import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;

import java.util.Optional;

/**
 * The per-host run lock. An operation takes it before it changes a host: {@code apply} in the facts
 * script when another run holds it, the host has no {@code flock} or an interrupted run left files
 * ({@link #peek}), otherwise just before its first change, refusing when the generation
 * ({@value #GENERATION}, the last holder) is no longer the one its facts were read with. The script
 * takes {@code flock} on {@value #LOCK}, records who holds it in {@value #HOLDER} and {@value #GENERATION},
 * and hands the lock to a small watcher process that keeps it exactly as
 * long as the run's SSH connection lives (it polls the connection's sshd process every 0.2 s). A
 * finished, crashed or killed controller therefore never leaves a stale lock: when its connection
 * drops, sshd exits and the lock is free within a second; the watcher empties the holder file just
 * before (a shell builtin, no process), so a refusal never names a run that is over: an empty or missing
 * holder file means no run holds the lock. Then it waits for {@value #BUSY}, which
 * every apply script holds shared while it runs, so a script orphaned by a lost connection (sshd
 * does not stop it) finishes its current action before a new run starts changing things.
 *
 * <p>A refusal exits {@value #REFUSED} with one stderr line {@code provisioner-lock: <holder>}.
 *
 * <p>Without {@code flock} (util-linux) on the host there is no lock to take, and a run that changed
 * the host without one could overlap another run: the script refuses with the same exit code and a
 * line that names the missing program, before anything changes ({@link #NO_FLOCK}).
 */
public final class RunLock {
    public static final String DIR = "/var/lib/provisioner";
    public static final String LOCK = DIR + "/run.lock";
    public static final String HOLDER = DIR + "/run.lock.holder";
    public static final String BUSY = DIR + "/run.busy";
    /**
     * The generation: who took the lock last (the holder line, never removed). A run that read a host's facts
     * without the lock takes it later only if this is still what it read then.
     */
    public static final String GENERATION = DIR + "/run.gen";
    /** How a refusal names a run that took the lock and changed the host after this run read its facts. */
    public static final String CHANGED_SINCE = "changed since this run read its facts: ";
    /** Exit code of the lock script when another run holds the lock. */
    public static final int REFUSED = 75;
    public static final String REFUSAL_PREFIX = "provisioner-lock: ";
    /** The holder named when the host has no {@code flock}: the refusal says what to install. */
    public static final String NO_FLOCK = "no run lock: flock is missing on this host (install util-linux)";
    /** How long an apply script waits for the busy lock before it fails, in seconds. */
    public static final int BUSY_WAIT_SECONDS = 30;

    private RunLock() {
    }

    /**
     * Shell lines that take the lock for the connection's lifetime or exit {@value #REFUSED}.
     *
     * @param holder who asks, in words ("run 1a2b3c4d by alice@laptop (pid 4242) since 2026-...Z")
     */
    public static String acquire(String holder) {
        return acquire(holder, DIR);
    }

    /** {@link #acquire(String)} with the lock files in {@code dir} (tests run it in a scratch folder). */
    public static String acquire(String holder, String dir) {
        return acquire(holder, dir, null);
    }

    /**
     * {@link #acquire(String, String)} that also refuses, once it has the lock, when the generation is no longer
     * {@code expectedGeneration}: another run took the lock (and may have changed the host) since the facts this
     * run decides on were read without it ({@link #peek(String)}). Null: no such check.
     */
    public static String acquire(String holder, String dir, String expectedGeneration) {
        return acquireChecked(holder, dir, expectedGeneration == null ? null : Command.quote(expectedGeneration));
    }

    /**
     * {@link #acquire(String, String, String)} expecting the generation that {@link #peek(String)} read into
     * {@code G} earlier in the same script: the facts script's own lock, taken after it read the facts without it
     * and found that the run will change the host.
     */
    public static String acquireAsPeeked(String holder, String dir) {
        return acquireChecked(holder, dir, "\"$G\"");
    }

    /** @param expected the generation as a shell word, or null for no check */
    private static String acquireChecked(String holder, String dir, String expected) {
        String h = Command.quote(holder);
        String gen = dir + "/run.gen";
        String check = expected == null ? ""
                : "  g=; { IFS= read -r g < " + gen + "; } 2>/dev/null\n"
                + "  [ \"$g\" = " + expected + " ] || refuse \"" + CHANGED_SINCE + "${g:-a run}\"\n";
        String lock = dir + "/run.lock";
        String holderFile = dir + "/run.lock.holder";
        String busy = dir + "/run.busy";
        return "d=" + Command.quote(dir) + "\n"
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
                + "  exec 9>>" + lock + "\n"
                + "  flock -w 5 9 || { hl=; { IFS= read -r hl < " + holderFile + "; } 2>/dev/null; refuse \"${hl:-an unknown run}\"; }\n"
                + "  exec 8>>" + busy + "\n"
                + "  flock -w 10 8 || refuse 'a script of an earlier run whose connection was lost is still running'\n"
                + "  exec 8>&-\n"
                + check
                + "  printf '%s\\n' " + h + " > " + holderFile + "\n"
                + "  printf '%s\\n' " + h + " > " + gen + "\n"
                + "  if [ \"${s:-1}\" -gt 1 ]; then\n"
                // GNU tail waits for the pid without forking; where it cannot (or setsid is missing), a
                // kill -0 loop does. The background subshell holds fd 9 until the waiting ends.
                // When the wait ends the holder file is emptied, still under the lock: a later refusal never names a
                // run that is over (a lock held by anything else is "an unknown run"). ">|": even under noclobber.
                + "    { { setsid tail --pid=\"$s\" -s 0.2 -f /dev/null 2>/dev/null"
                + " || while kill -0 \"$s\" 2>/dev/null; do sleep 0.2; done; }; : >| " + holderFile + "; } </dev/null >/dev/null 2>&1 &\n"
                + "  fi\n"
                + "  exec 9>&-\n"
                + "else\n"
                + "  refuse " + Command.quote(NO_FLOCK) + "\n"
                + "fi\n";
    }

    /**
     * Shell lines that read the generation into {@code G} and succeed when the lock is taken now, before the facts
     * are read: another run holds it (its holder line is there: the file is not empty), the host has no {@code flock} (then
     * {@link #acquire} refuses), or no run ever took this host's lock (no generation: a first converge, which will
     * change the host, so its lock would be taken one exchange later anyway). Otherwise a run reads the facts without
     * the lock, which costs a converged host nothing, and takes it before its first change with
     * {@link #acquire(String, String, String)}. Defines {@code d} and the function {@code locknow}.
     */
    public static String peek(String dir) {
        return "d=" + Command.quote(dir) + "\n"
                + "G=; { IFS= read -r G < \"$d/run.gen\"; } 2>/dev/null\n"
                + "locknow() { [ -s \"$d/run.lock.holder\" ] || [ ! -e \"$d/run.gen\" ] || ! command -v flock >/dev/null 2>&1; }\n";
    }

    /**
     * Lines an apply script starts with: it holds {@value #BUSY} shared until it exits, or exits
     * {@value #REFUSED} (changing nothing) when it cannot have it within {@value #BUSY_WAIT_SECONDS} s or
     * the host has no {@code flock}.
     */
    public static String busy() {
        return busy(DIR, BUSY_WAIT_SECONDS);
    }

    /** {@link #busy()} with the busy file in {@code dir} and another wait (tests). */
    public static String busy(String dir, int waitSeconds) {
        String d = Command.quote(dir);
        // Checked first: a failed redirection on exec would end a non-interactive sh.
        return "if [ -d " + d + " ] && [ -w " + d + " ]; then\n"
                + "  command -v flock >/dev/null 2>&1 || { " + refusal(NO_FLOCK) + "; }\n"
                + "  exec 8>>" + d + "/run.busy\n"
                + "  flock -s -w " + waitSeconds + " 8 2>/dev/null || { " + refusal(busyRefusal(waitSeconds)) + "; }\n"
                + "fi\n";
    }

    /** The holder a busy refusal names. */
    public static String busyRefusal(int waitSeconds) {
        return "another run is starting on this host (its busy lock was not free within " + waitSeconds + " s)";
    }

    private static String refusal(String holder) {
        return "printf '" + REFUSAL_PREFIX + "%s\\n' " + Command.quote(holder) + " >&2; exit " + REFUSED;
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
