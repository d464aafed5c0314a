package dev.provisioner.ops.upgrade;

import dev.provisioner.component.InstalledVersions;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.operation.Operation;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.Connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Before an upgrade touches anything: reads the installed versions from every master and node (those
 * left out by {@code --limit} too, since the skew rules need them; a host that cannot be reached and is
 * left out is taken as unknown), through the operation's host fan-out, then applies {@link VersionSkew}.
 * Read-only on the hosts.
 */
public final class UpgradePreflight {
    private UpgradePreflight() {
    }

    /**
     * @param op    the upgrade's operation (read-only here: no lock is taken)
     * @param limit hosts the upgrade works on (empty: all)
     * @throws UpgradeRefusedException naming every refusal, or a host in the run whose versions cannot be read
     */
    public static List<HostVersions> check(Operation op, Set<String> limit) {
        Inventory inventory = op.inventory();
        List<Host> hosts = inventory.hosts().stream().filter(h -> h.hasRole(Role.MASTER) || h.hasRole(Role.NODE)).toList();
        List<HostVersions> versions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Read> reads = op.forEachHostReadOnly(hosts, h -> {
            try {
                return new Read(read(h, op), null);
            } catch (RuntimeException e) {
                return new Read(Map.of(), e);
            }
        }, h -> new Read(Map.of(), null));
        if (op.interrupted()) {
            throw new UpgradeRefusedException(List.of("interrupted while reading the installed versions"));
        }
        for (int i = 0; i < hosts.size(); i++) {
            Host h = hosts.get(i);
            boolean inRun = limit.isEmpty() || limit.contains(h.name());
            Read r = reads.get(i);
            if (r.error() != null && inRun) {
                problems.add(h.name() + ": cannot read the installed versions: " + op.masker().mask(String.valueOf(r.error().getMessage())));
            }
            versions.add(new HostVersions(h.name(), h.hasRole(Role.MASTER), h.hasRole(Role.NODE), inRun, r.installed()));
        }
        try {
            problems.addAll(VersionSkew.check(inventory.cluster().versions(), versions));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new UpgradeRefusedException(problems);
        }
        return versions;
    }

    private record Read(Map<String, String> installed, RuntimeException error) {
    }

    private static Map<String, String> read(Host h, Operation op) {
        try (Connection c = op.open(h)) {
            CommandResult r = c.run(Command.shell(InstalledVersions.readScript()).asRoot());
            if (!r.ok()) {
                throw new IllegalStateException("reading " + InstalledVersions.DIR + " exited " + r.exitCode() + ": " + r.tail(3));
            }
            return InstalledVersions.parse(r.stdout());
        }
    }
}
