package dev.provisioner.engine.preflight;

import dev.provisioner.component.registry.RegistryLayout;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.facts.UnitState;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The preflight checks, pure functions of the inventory and a host's facts: supported OS and architecture,
 * CPU and memory minimums per role, ports the host's roles need that something else already holds, swap,
 * cgroup version and time synchronisation. Every finding names the host. A port is ours (no finding) while the
 * unit that serves it is running: on a converged host etcd holds 2379 and that is as it should be.
 */
public final class HostChecks {
    /** os-release IDs the install is written for. */
    static final Set<String> OS_IDS = Set.of("debian", "ubuntu", "rhel", "rocky", "almalinux", "centos");
    /** {@code uname -m} values with release binaries. */
    static final Set<String> ARCHES = Set.of("x86_64", "aarch64");
    /** kubeadm's control-plane minimums (2 CPUs, 1700 MB). */
    static final int MASTER_CPUS = 2;
    static final long MASTER_MIB = 1700;
    static final long OTHER_MIB = 512;
    /** Units that keep the clock synchronised besides systemd-timesyncd. */
    static final List<String> TIME_UNITS = List.of("chrony.service", "chronyd.service", "ntp.service", "ntpsec.service",
            "openntpd.service");
    static final String TIMESYNCD = "systemd-timesyncd.service";

    private HostChecks() {
    }

    /** Every unit whose state the checks read for {@code host}: the ports' owners and the time services. */
    static Set<String> units(Inventory inv, Host host) {
        return Stream.concat(ports(inv, host).values().stream().flatMap(List::stream),
                Stream.concat(TIME_UNITS.stream(), Stream.of(TIMESYNCD))).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Every finding for one host; those of a check in {@code ignored} as warnings.
     *
     * @param system the host's system facts (from {@code facts.system()})
     */
    public static List<HostProblem> check(Inventory inv, Host host, HostFacts facts, SystemFacts system, Set<String> ignored) {
        return check(inv, host, facts, system, ignored, ports(inv, host).keySet());
    }

    /**
     * {@link #check(Inventory, Host, HostFacts, SystemFacts, Set)} with the ports checked limited to {@code portsInScope}
     * (those whose units the run serves on the host: {@link PreflightChecks#query(Host, dev.provisioner.facts.FactsQuery)}).
     */
    static List<HostProblem> check(Inventory inv, Host host, HostFacts facts, SystemFacts system, Set<String> ignored,
                                   Set<String> portsInScope) {
        List<HostProblem> out = new ArrayList<>();
        String h = host.name();
        if (!OS_IDS.contains(facts.osId())) {
            out.add(new HostProblem(h, "os", true, "operating system '" + facts.osId() + "' is not supported (supported: "
                    + String.join(", ", OS_IDS.stream().sorted().toList()) + ")"));
        }
        if (!ARCHES.contains(facts.architecture())) {
            out.add(new HostProblem(h, "arch", true, "architecture " + facts.architecture() + " is not supported (x86_64 or aarch64)"));
        }
        boolean master = host.hasRole(Role.MASTER);
        int cpus = master ? MASTER_CPUS : 1;
        long mib = master ? MASTER_MIB : OTHER_MIB;
        if (system.cpus() < cpus) {
            out.add(new HostProblem(h, "cpu", true, system.cpus() + " CPU" + (system.cpus() == 1 ? "" : "s") + ", a "
                    + role(host) + " needs at least " + cpus));
        }
        if (system.memoryMiB() < mib) {
            out.add(new HostProblem(h, "memory", true, system.memoryMiB() + " MiB of memory, a " + role(host)
                    + " needs at least " + mib + " MiB"));
        }
        // Not probed: every port this run's steps serve has one of its units running (see PreflightChecks.query).
        Map<String, List<String>> ports = new LinkedHashMap<>(system.listeningProbed() ? ports(inv, host) : Map.of());
        ports.keySet().retainAll(portsInScope);
        ports.forEach((port, units) -> {
            // flannel's VXLAN socket is the kernel's: it stays with the flannel.1 device while flanneld is stopped.
            boolean ours = units.stream().anyMatch(u -> running(facts.unit(u)) || port.endsWith("/udp") && facts.unit(u).exists());
            if (system.listening().contains(port) && !ours) {
                String unit = units.get(0);
                out.add(new HostProblem(h, "ports", true, "port " + port + " is already in use by another program ("
                        + unit + " is not running); " + unit.replace(".service", "") + " needs it: stop what holds it"
                        + " (ss -lnp 'sport = :" + port.substring(0, port.indexOf('/')) + "' names it)"));
            }
        });
        boolean kubelet = master || host.hasRole(Role.NODE);
        if (kubelet && system.swapKiB() > 0) {
            out.add(new HostProblem(h, "swap", true, "swap is on (" + system.swapKiB() / 1024 + " MiB): the kubelet refuses to"
                    + " run with swap; turn it off (swapoff -a) and remove it from /etc/fstab"));
        }
        if (kubelet && !system.cgroupV2()) {
            out.add(new HostProblem(h, "cgroup", false, "cgroup v1: Kubernetes 1.35 drops it; use a distribution with cgroup v2"));
        }
        time(h, facts, system).ifPresent(out::add);
        return out.stream().map(p -> p.blocking() && ignored.contains(p.check()) ? p.warning() : p).toList();
    }

    private static Optional<HostProblem> time(String h, HostFacts facts, SystemFacts system) {
        if (system.container() || system.timeSynced().orElse(false)
                || TIME_UNITS.stream().anyMatch(u -> facts.unit(u).isActive())) {
            return Optional.empty(); // a container's clock is its machine's
        }
        String why = facts.unit(TIMESYNCD).isActive() ? "systemd-timesyncd has not synchronised the clock yet"
                : "no time synchronisation service runs (systemd-timesyncd, chrony or ntpd)";
        return Optional.of(new HostProblem(h, "time", false, why
                + ": certificates and etcd need synchronised time"));
    }

    /** Running, or between start and stop: its process holds the port. */
    private static boolean running(UnitState u) {
        return switch (u.active()) {
            case "active", "activating", "reloading", "deactivating" -> true;
            default -> false;
        };
    }

    /** Port ({@code 2379/tcp}) to the units that may serve it on {@code host} (the registry's differ per OS family). */
    static Map<String, List<String>> ports(Inventory inv, Host host) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (host.hasRole(Role.MASTER)) {
            out.put("6443/tcp", List.of("kube-apiserver.service"));
            out.put("10257/tcp", List.of("kube-controller-manager.service"));
            out.put("10259/tcp", List.of("kube-scheduler.service"));
        }
        if (inv.view().etcdMembers().contains(host)) {
            out.put("2379/tcp", List.of("etcd.service"));
            out.put("2380/tcp", List.of("etcd.service"));
        }
        if (host.hasRole(Role.NODE)) {
            out.put("10250/tcp", List.of("kubelet.service"));
            out.put("10256/tcp", List.of("kube-proxy.service"));
            out.put("8472/udp", List.of("flanneld.service"));
        }
        if (inv.cluster().registry().enabled() && inv.view().registryHost().filter(host::equals).isPresent()) {
            int port = inv.cluster().registry().port();
            out.put(port + "/tcp", List.of(RegistryLayout.DEBIAN.unit(), RegistryLayout.RHEL.unit()));
            out.put(port + 1 + "/tcp", List.of(RegistryLayout.PUSH_UNIT));
        }
        return out;
    }

    private static String role(Host host) {
        return host.hasRole(Role.MASTER) ? "master" : host.hasRole(Role.NODE) ? "node" : "host";
    }
}
