package dev.provisioner.ops.check;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.CommandTimeoutException;
import dev.provisioner.transport.TransportException;

import java.util.ArrayList;
import java.util.List;

/** Runs a list of probes on one open connection in one round trip and turns their outputs into results. */
final class HostProbeRun {
    private final Inventory inventory;
    private final Host host;
    private final Connection connection;

    HostProbeRun(Inventory inventory, Host host, Connection connection) {
        this.inventory = inventory;
        this.host = host;
        this.connection = connection;
    }

    List<ProbeResult> run(List<Probe> probes) {
        if (probes.isEmpty()) {
            return List.of();
        }
        List<HostBatch.Section> sections = probes.stream()
                .map(p -> new HostBatch.Section(p.script(inventory, host), p.timeout())).toList();
        Command command = Command.shell(HostBatch.script(sections)).asRoot().withTimeout(HostBatch.limit(sections));
        command = new Command(command.line(), true, null, command.timeout(),
                "health probes " + probes.stream().map(Probe::name).toList());
        List<ProbeOutput> outputs;
        try {
            CommandResult r = connection.run(command);
            outputs = HostBatch.parse(r.stdout(), probes.size());
            if (!r.ok() && outputs.stream().allMatch(o -> o.exitCode() == HostBatch.MISSING)) {
                outputs = repeat(new ProbeOutput(HostBatch.MISSING, "the probe script failed (exit " + r.exitCode() + "): " + r.tail(2)), probes.size());
            }
        } catch (CommandTimeoutException e) {
            outputs = repeat(new ProbeOutput(ProbeScripts.TIMED_OUT, ""), probes.size());
        } catch (TransportException e) {
            outputs = repeat(new ProbeOutput(HostBatch.MISSING, "connection lost: " + e.getMessage()), probes.size());
        }
        List<ProbeResult> out = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            out.addAll(interpret(probes.get(i), outputs.get(i)));
        }
        return out;
    }

    private static List<ProbeOutput> repeat(ProbeOutput o, int n) {
        return java.util.Collections.nCopies(n, o);
    }

    /** Timeouts, "not installed" and missing sections are the same for every probe; the rest is the probe's to parse. */
    List<ProbeResult> interpret(Probe probe, ProbeOutput output) {
        List<ProbeResult> out = new ArrayList<>();
        List<Host> about = probe.about(inventory, host);
        if (output.timedOut()) {
            about.forEach(h -> out.add(ProbeResult.failed(probe.name(), h.name(), "timed out after "
                    + probe.timeout().toSeconds() + " s on " + host.name() + ": " + probe.describe(inventory, host))));
        } else if (output.notInstalled()) {
            String what = output.lines().stream().filter(l -> l.startsWith("not installed")).findFirst()
                    .orElse("not installed (" + probe.describe(inventory, host) + ")");
            about.forEach(h -> out.add(ProbeResult.notInstalled(probe.name(), h.name(), what)));
        } else if (output.exitCode() == HostBatch.MISSING) {
            about.forEach(h -> out.add(ProbeResult.failed(probe.name(), h.name(), output.tail(2)
                    + " (" + probe.describe(inventory, host) + ")")));
        } else {
            out.addAll(probe.parse(inventory, host, output));
        }
        return out;
    }
}
