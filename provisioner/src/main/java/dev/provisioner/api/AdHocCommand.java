package dev.provisioner.api;

import dev.provisioner.inventory.Host;
import dev.provisioner.operation.Operation;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.Connection;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** {@link Provisioner#run}: one command on hosts through the operation's fan-out, a result per host in inventory order. */
final class AdHocCommand {
    private final Operation op;

    AdHocCommand(Operation op) {
        this.op = op;
    }

    List<CommandOutcome> run(List<Host> hosts, RemoteCommand command, Consumer<CommandOutcome> onEach) {
        Command cmd = transportCommand(command);
        op.started("run on " + hosts.stream().map(Host::name).toList() + (command.root() ? " as root" : "") + ": " + cmd);
        List<CommandOutcome> out = op.forEachHost(hosts, h -> {
            CommandOutcome r = runOn(h, cmd);
            onEach.accept(r);
            op.hostFinished(r.host(), r.ok(), r.ok() ? r.stdout() : r.message().isEmpty() ? r.stderr() : r.message());
            return r;
        }, h -> new CommandOutcome(h.name(), Optional.of(FailureKind.INTERRUPTED), -1, "", "", "not run: interrupted",
                Duration.ZERO));
        long bad = out.stream().filter(r -> !r.ok()).count();
        op.finished(bad == 0, out.size() + " hosts, " + bad + " not ok");
        return out;
    }

    static Command transportCommand(RemoteCommand c) {
        List<String> w = c.words();
        Command cmd = c.shell() ? Command.shell(String.join(" ", w))
                : Command.of(w.get(0), w.subList(1, w.size()).toArray(String[]::new));
        cmd = cmd.withTimeout(c.timeout());
        return c.root() ? cmd.asRoot() : cmd;
    }

    private CommandOutcome runOn(Host host, Command cmd) {
        long start = System.nanoTime();
        try (Connection c = op.open(host)) {
            CommandResult r = c.run(cmd);
            return new CommandOutcome(host.name(), r.ok() ? Optional.empty() : Optional.of(FailureKind.STEP_FAILED), r.exitCode(),
                    op.masker().mask(r.stdout()), op.masker().mask(r.stderr()), "", since(start));
        } catch (RuntimeException e) {
            return new CommandOutcome(host.name(), Optional.of(Failures.kindOf(e)), -1, "", "",
                    op.masker().mask(String.valueOf(e.getMessage())), since(start));
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
