package dev.provisioner.ops.upgrade;

import dev.provisioner.component.InstalledVersions;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Before an upgrade touches anything: reads the installed versions from every master and node (those
 * left out by {@code --limit} too, since the skew rules need them; a host that cannot be reached and is
 * left out is taken as unknown), hosts in parallel up to a limit, then applies {@link VersionSkew}.
 * Read-only on the hosts.
 */
public final class UpgradePreflight {
    private UpgradePreflight() {
    }

    /**
     * @param limit       hosts the upgrade works on (empty: all)
     * @param parallelism hosts read at once
     * @throws UpgradeRefusedException naming every refusal, or a host in the run whose versions cannot be read
     */
    public static List<HostVersions> check(Inventory inventory, Set<String> limit, Function<Host, Connection> connections,
                                           SecretMasker masker, int parallelism) {
        List<Host> hosts = inventory.hosts().stream().filter(h -> h.hasRole(Role.MASTER) || h.hasRole(Role.NODE)).toList();
        List<HostVersions> versions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!hosts.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, hosts.size())), r -> {
                Thread t = new Thread(r, "provisioner-upgrade-preflight");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Map<String, String>>> reads = new ArrayList<>();
                hosts.forEach(h -> reads.add(pool.submit(() -> read(h, connections))));
                for (int i = 0; i < hosts.size(); i++) {
                    Host h = hosts.get(i);
                    boolean inRun = limit.isEmpty() || limit.contains(h.name());
                    Map<String, String> installed = Map.of();
                    try {
                        installed = reads.get(i).get();
                    } catch (ExecutionException e) {
                        if (inRun) {
                            problems.add(h.name() + ": cannot read the installed versions: "
                                    + masker.mask(String.valueOf(e.getCause().getMessage())));
                        }
                    }
                    versions.add(new HostVersions(h.name(), h.hasRole(Role.MASTER), h.hasRole(Role.NODE), inRun, installed));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UpgradeRefusedException(List.of("interrupted while reading the installed versions"));
            } finally {
                pool.shutdownNow();
            }
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

    private static Map<String, String> read(Host h, Function<Host, Connection> connections) {
        try (Connection c = connections.apply(h)) {
            CommandResult r = c.run(Command.shell(InstalledVersions.readScript()).asRoot());
            if (!r.ok()) {
                throw new IllegalStateException("reading " + InstalledVersions.DIR + " exited " + r.exitCode() + ": " + r.tail(3));
            }
            return InstalledVersions.parse(r.stdout());
        }
    }
}
