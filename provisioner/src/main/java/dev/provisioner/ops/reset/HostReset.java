package dev.provisioner.ops.reset;

import dev.provisioner.inventory.Host;
import dev.provisioner.operation.Operation;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.UnreachableException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Takes away from hosts what our applies installed ({@link ResetScript}), through the operation's
 * host fan-out, one connection and one script per host, under the host's run lock (taken by the
 * script's first lines). The public entry is {@code Provisioner.reset()}.
 */
public final class HostReset {
    static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final String PREFIX = "reset: ";
    private final Operation op;

    /** @param op the reset operation (its connections, masker, parallelism, lock and listener) */
    public HostReset(Operation op) {
        this.op = op;
    }

    public ResetReport run(List<Host> hosts) {
        List<HostResetResult> out = op.forEachHost(hosts, this::one,
                h -> new HostResetResult(h.name(), false, List.of(), "not run: the reset was interrupted"));
        out.forEach(r -> op.hostFinished(r.host(), r.ok(), r.ok() ? String.join("\n", r.removed()) : r.error()));
        return new ResetReport(out);
    }

    private HostResetResult one(Host h) {
        // The run lock first: a reset never runs while an apply changes the host.
        Command command = new Command(Command.shell(op.lockScript() + ResetScript.build()).line(), true, null,
                TIMEOUT, "reset " + h.name());
        try (Connection c = op.open(h)) {
            CommandResult r = c.run(command);
            Optional<String> holder = op.lockRefusal(r);
            if (holder.isPresent()) {
                return new HostResetResult(h.name(), false, List.of(), op.masker().mask("another run holds the lock on this host: "
                        + holder.get() + "; nothing was reset (run reset again when it has ended)"), true);
            }
            List<String> removed = parse(r.stdout());
            if (!r.ok()) {
                return new HostResetResult(h.name(), false, removed, op.masker().mask("reset script exited " + r.exitCode() + ": "
                        + r.tail(10)));
            }
            return new HostResetResult(h.name(), true, removed, "");
        } catch (UnreachableException e) {
            return new HostResetResult(h.name(), false, List.of(), op.masker().mask(String.valueOf(e.getMessage())), false, true);
        } catch (RuntimeException e) {
            return new HostResetResult(h.name(), false, List.of(), op.masker().mask(String.valueOf(e.getMessage())));
        }
    }

    /** The "reset: ..." lines of the script's output, without the prefix. */
    static List<String> parse(String stdout) {
        return stdout.lines().filter(l -> l.startsWith(PREFIX)).map(l -> l.substring(PREFIX.length())).toList();
    }
}
