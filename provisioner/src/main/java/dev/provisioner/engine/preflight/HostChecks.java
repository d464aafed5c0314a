package dev.provisioner.engine.preflight;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The preflight checks, pure functions of the inventory and a host's facts: supported OS and architecture,
 * CPU and memory minimums per role, ports the host's roles need that another process already holds, swap,
 * cgroup version, time synchronisation and the host name. Every finding names the host.
 */
public final class HostChecks {
    /** os-release IDs the install is written for. */
    static final Set<String> OS_IDS = Set.of("debian", "ubuntu", "rhel", "rocky", "almalinux", "centos");
    /** {@code uname -m} values with release binaries. */
    static final Set<String> ARCHES = Set.of("x86_64", "aarch64");
    /** kubeadm's control-plane minimums. */
    static final int MASTER_CPUS = 2;
    static final long MASTER_MIB = 1700;
    static final long OTHER_MIB = 512;

    private HostChecks() {
    }

    /**
     * Every finding for one host.
     *
     * @param osId         os-release ID
     * @param architecture {@code uname -m}
     */
    public static List<HostProblem> check(Inventory inv, Host host, String osId, String architecture, SystemFacts f) {
        List<HostProblem> out = new ArrayList<>();
        String h = host.name();
        if (!OS_IDS.contains(osId)) {
            out.add(new HostProblem(h, true, "operating system '" + osId + "' is not supported (supported: "
                    + String.join(", ", OS_IDS.stream().sorted().toList()) + ")"));
        }
        if (!ARCHES.contains(architecture)) {
            out.add(new HostProblem(h, true, "architecture " + architecture + " is not supported (x86_64 or aarch64)"));
        }
        boolean master = host.hasRole(Role.MASTER);
        int cpus = master ? MASTER_CPUS : 1;
        long mib = master ? MASTER_MIB : OTHER_MIB;
        if (f.cpus() < cpus) {
            out.add(new HostProblem(h, true, f.cpus() + " CPU" + (f.cpus() == 1 ? "" : "s") + ", a " + role(host)
                    + " needs at least " + cpus));
        }
        if (f.memoryMiB() < mib) {
            out.add(new HostProblem(h, true, f.memoryMiB() + " MiB of memory, a " + role(host) + " needs at least " + mib + " MiB"));
        }
        ports(inv, host).forEach((port, owner) -> {
            String holder = f.listening().get(port);
            if (holder != null && !owner.equals(holder) && !(owner.length() > 0 && holder.length() > 0
                    && owner.startsWith(holder))) {
                out.add(new HostProblem(h, true, "port " + port + " is already in use"
                        + (holder.isEmpty() ? "" : " by " + holder) + "; " + (owner.isEmpty() ? "flannel" : owner)
                        + " needs it: stop what holds it"));
            }
        });
        if ((master || host.hasRole(Role.NODE)) && f.swapKiB() > 0) {
            out.add(new HostProblem(h, true, "swap is on (" + f.swapKiB() / 1024 + " MiB): the kubelet refuses to run"
                    + " with swap; turn it off (swapoff -a) and remove it from /etc/fstab"));
        }
        if (!f.cgroupV2() && (master || host.hasRole(Role.NODE))) {
            out.add(new HostProblem(h, false, "cgroup v1: Kubernetes 1.35 drops it; use a distribution with cgroup v2"));
        }
        if (f.timeSynced().isPresent() && !f.timeSynced().get()) {
            out.add(new HostProblem(h, false, "the clock is not synchronised (NTPSynchronized=no): certificates and etcd"
                    + " need synchronised time; enable systemd-timesyncd or chrony"));
        }
        if (!f.hostname().equals(h)) {
            out.add(new HostProblem(h, false, "its host name is " + f.hostname() + ", not " + h
                    + ": the kubelet registers under the host name"));
        }
        return out;
    }

    /** Port ({@code 2379/tcp}) to the process name expected there (15 characters at most, as ss shows it). */
    static Map<String, String> ports(Inventory inv, Host host) {
        Map<String, String> out = new LinkedHashMap<>();
        if (host.hasRole(Role.MASTER)) {
            out.put("6443/tcp", "kube-apiserver");
            out.put("10257/tcp", "kube-controller");
            out.put("10259/tcp", "kube-scheduler");
        }
        if (inv.view().etcdMembers().contains(host)) {
            out.put("2379/tcp", "etcd");
            out.put("2380/tcp", "etcd");
        }
        if (host.hasRole(Role.NODE)) {
            out.put("10250/tcp", "kubelet");
            out.put("10256/tcp", "kube-proxy");
            out.put("8472/udp", "");
        }
        if (inv.view().registryHost().filter(host::equals).isPresent()) {
            out.put(inv.cluster().registry().port() + "/tcp", "docker-registry");
        }
        return out;
    }

    private static String role(Host host) {
        return host.hasRole(Role.MASTER) ? "master" : host.hasRole(Role.NODE) ? "node" : "host";
    }
}
