package dev.provisioner.engine.preflight;

import dev.provisioner.facts.HostFacts;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.Connection;

import java.util.List;

/**
 * Gathers a host's system facts over its connection (one root command) and checks them. Not yet called by
 * {@code engine.Preflight}: its tests hold the engine to one round trip per converged host, so the script is
 * meant to join the facts round trip ({@link SystemFactsScript#TEXT} appended to the facts script) when the
 * preflight fan-out is reworked; this entry point serves callers that have a connection of their own.
 */
public final class HostPreflight {
    private HostPreflight() {
    }

    /**
     * @param facts the host's facts, already gathered (OS and architecture)
     * @throws IllegalStateException naming the host when the script fails
     */
    public static List<HostProblem> run(Connection connection, Inventory inv, Host host, HostFacts facts) {
        CommandResult r = connection.run(new Command(Command.shell(SystemFactsScript.TEXT).line(), true, null, null,
                "preflight system facts"));
        if (!r.ok()) {
            throw new IllegalStateException(host.name() + ": the preflight script exited " + r.exitCode() + ": " + r.tail(5));
        }
        return HostChecks.check(inv, host, facts.osId(), facts.architecture(), SystemFactsScript.parse(host.name(), r.stdout()));
    }
}
