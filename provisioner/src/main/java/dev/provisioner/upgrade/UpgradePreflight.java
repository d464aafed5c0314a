package dev.provisioner.upgrade;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.SecretMasker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Before an upgrade touches anything: reads the installed versions from every master and node (those
 * left out by {@code --limit} too, since the skew rules need them; a host that cannot be reached and is
 * left out is taken as unknown), then applies {@link VersionSkew}. Read-only on the hosts.
 */
public final class UpgradePreflight {
    private UpgradePreflight() {
    }

    /**
     * @param limit hosts the upgrade works on (empty: all)
     * @throws UpgradeRefusedException naming every refusal, or a host in the run whose versions cannot be read
     */
    public static List<HostVersions> check(Inventory inventory, Set<String> limit, Function<Host, Connection> connections,
                                           SecretMasker masker) {
        List<HostVersions> hosts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Host h : inventory.hosts()) {
            if (!h.hasRole(Role.MASTER) && !h.hasRole(Role.NODE)) {
                continue;
            }
            boolean inRun = limit.isEmpty() || limit.contains(h.name());
            Map<String, String> installed = Map.of();
            try (Connection c = connections.apply(h)) {
                CommandResult r = c.run(Command.shell(InstalledVersions.readScript()).asRoot());
                if (!r.ok()) {
                    throw new IllegalStateException("reading " + InstalledVersions.DIR + " exited " + r.exitCode() + ": " + r.tail(3));
                }
                installed = InstalledVersions.parse(r.stdout());
            } catch (RuntimeException e) {
                if (inRun) {
                    problems.add(h.name() + ": cannot read the installed versions: " + masker.mask(String.valueOf(e.getMessage())));
                }
            }
            hosts.add(new HostVersions(h.name(), h.hasRole(Role.MASTER), h.hasRole(Role.NODE), inRun, installed));
        }
        try {
            problems.addAll(VersionSkew.check(inventory.cluster().versions(), hosts));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new UpgradeRefusedException(problems);
        }
        return hosts;
    }
}
