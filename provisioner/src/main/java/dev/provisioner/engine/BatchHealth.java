package dev.provisioner.engine;

import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The check between two batches of a rollout: every unit a host of the batch restarted or started is
 * {@code active} on {@value #STEADY_POLLS} polls in a row, {@value #POLL_SECONDS} s apart, for up to {@link #TIMEOUT} (a unit may still be activating; a unit
 * that is {@code failed} fails the check at once). The
 * steps' own {@link dev.provisioner.step.WaitHealthy} probes already ran inside each host's script; this
 * one catches a unit that came up and died again before the next batch would start.
 */
final class BatchHealth {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String STEP = "batch-health";
    /** Active on this many polls in a row (a unit that starts and dies at once is caught). */
    static final int STEADY_POLLS = 2;
    static final int POLL_SECONDS = 2;

    private BatchHealth() {
    }

    /** The shell lines that exit 0 once every unit is active, 1 (naming the units that are not) after the timeout. */
    static String script(Set<String> units, Duration timeout) {
        String names = String.join(" ", units.stream().sorted().map(Command::quote).toList());
        return "deadline=$(( $(date +%s) + " + Math.max(1, timeout.toSeconds()) + " ))\n"
                + "steady=0\n"
                + "while :; do\n"
                + "  down=''\n"
                + "  for u in " + names + "; do\n"
                + "    if systemctl is-failed --quiet \"$u\"; then echo \"$u failed after the restart: $(systemctl status --no-pager --lines=3 \"$u\" 2>&1 | tail -n 3 | tr '\\n' ' ')\" >&2; exit 1; fi\n"
                + "    systemctl is-active --quiet \"$u\" || down=\"$down $u\"\n"
                + "  done\n"
                + "  if [ -z \"$down\" ]; then steady=$((steady + 1)); else steady=0; fi\n"
                + "  [ \"$steady\" -ge " + STEADY_POLLS + " ] && exit 0\n"
                + "  if [ \"$(date +%s)\" -ge \"$deadline\" ]; then echo \"not active after restart:$down\" >&2; exit 1; fi\n"
                + "  sleep " + POLL_SECONDS + "\n"
                + "done\n";
    }

    /** The failure of the check on {@code session}'s host, or empty when every unit is active. */
    static Optional<Failure> check(HostSession session, String phase, Set<String> units) {
        if (units.isEmpty()) {
            return Optional.empty();
        }
        String host = session.host().name();
        String action = "check " + String.join(", ", units.stream().sorted().toList()) + " active";
        Command command = new Command(Command.shell(script(units, TIMEOUT)).line(), true, null,
                TIMEOUT.plusSeconds(30), action);
        try {
            CommandResult r = session.connection().run(command);
            if (r.ok()) {
                return Optional.empty();
            }
            String tail = r.tail(5);
            return Optional.of(new Failure(host, phase, STEP, action, r.exitCode(), tail,
                    host + ": phase " + phase + ", step " + STEP + ": " + tail.strip()));
        } catch (RuntimeException e) {
            return Optional.of(new Failure(host, phase, STEP, action, -1, "",
                    host + ": phase " + phase + ", step " + STEP + ": " + e.getMessage()).causedBy(e));
        }
    }
}
