package dev.provisioner.ops.upgrade;

import dev.provisioner.component.InstalledVersions;
import dev.provisioner.inventory.Versions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The upgrades upstream forbids, checked before any host is touched: the inventory's versions against
 * the versions recorded on the hosts ({@link InstalledVersions}). Pure.
 *
 * <ul>
 *   <li>Kubernetes, every component: one minor version at a time, no minor downgrade, no major change
 *       (kubeadm's upgrade guide: "Skipping MINOR versions when upgrading is unsupported").</li>
 *   <li>kube-apiservers of one cluster at most one minor apart (version skew policy): a master left out of
 *       the run keeps its version.</li>
 *   <li>kubelet and kube-proxy never newer than the oldest kube-apiserver, and at most three minors older
 *       (version skew policy): a node left out of the run keeps its version.</li>
 *   <li>containerd: 2.x only from 1.7 (containerd's 2.0 upgrade guide: upgrade to the latest 1.7 first and
 *       clear {@code ctr deprecations list}); no major downgrade; no jump over a major.</li>
 * </ul>
 * etcd's rules (one minor at a time) belong to the etcd component.
 */
final class VersionSkew {
    static final List<String> CONTROL_PLANE = List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler");
    static final List<String> NODE = List.of("kubelet", "kube-proxy");
    static final int KUBELET_MAX_MINORS_OLDER = 3;

    private VersionSkew() {
    }

    /** Every refusal, one line each naming host, component, versions and the rule; empty when the upgrade may go on. */
    public static List<String> check(Versions desired, List<HostVersions> hosts) {
        List<String> out = new ArrayList<>();
        SemVer kube = SemVer.parse(desired.kubernetes());
        for (HostVersions h : hosts) {
            if (!h.inRun()) {
                continue;
            }
            for (String c : h.master() ? concat(CONTROL_PLANE, NODE) : NODE) {
                h.version(c).ifPresent(v -> oneMinorAtATime(h.host(), c, v, kube).ifPresent(out::add));
            }
            h.version("containerd").ifPresent(v -> containerd(h.host(), v, SemVer.parse(desired.containerd())).ifPresent(out::add));
        }
        Optional<SemVer> oldestApiserver = Optional.empty();
        for (HostVersions h : hosts) {
            if (!h.master()) {
                continue;
            }
            Optional<SemVer> after = h.inRun() ? Optional.of(kube) : h.version("kube-apiserver");
            if (after.isPresent() && (oldestApiserver.isEmpty() || after.get().compareTo(oldestApiserver.get()) < 0)) {
                oldestApiserver = after;
            }
            if (!h.inRun()) {
                h.version("kube-apiserver").filter(v -> Math.abs(v.minorsTo(kube)) > 1 || v.major() != kube.major())
                        .ifPresent(v -> out.add(h.host() + ": kube-apiserver " + v + " is left out of this run but would be more than one"
                                + " minor version from the other kube-apiservers at " + kube + " (version skew policy: at most one"
                                + " minor apart); upgrade it in the same run"));
            }
        }
        for (HostVersions h : hosts) {
            if (!h.node()) {
                continue;
            }
            for (String c : NODE) {
                Optional<SemVer> after = h.inRun() ? Optional.of(kube) : h.version(c);
                if (after.isEmpty()) {
                    continue;
                }
                SemVer v = after.get();
                if (oldestApiserver.isPresent() && v.compareTo(oldestApiserver.get()) > 0 && v.minorsTo(oldestApiserver.get()) < 0) {
                    out.add(h.host() + ": " + c + " " + v + " would be newer than kube-apiserver " + oldestApiserver.get()
                            + " (version skew policy: never newer than the API server); upgrade the control plane first");
                }
                if (!h.inRun() && oldestApiserver.isPresent() && v.minorsTo(oldestApiserver.get()) > KUBELET_MAX_MINORS_OLDER) {
                    out.add(h.host() + ": " + c + " " + v + " is left out of this run and would be more than "
                            + KUBELET_MAX_MINORS_OLDER + " minor versions older than kube-apiserver " + oldestApiserver.get()
                            + " (version skew policy); upgrade it in the same run");
                }
            }
        }
        return out;
    }

    static Optional<String> oneMinorAtATime(String host, String component, SemVer from, SemVer to) {
        if (from.major() != to.major()) {
            return Optional.of(host + ": " + component + " " + from + " -> " + to + ": a major version change is not supported");
        }
        int minors = from.minorsTo(to);
        if (minors > 1) {
            return Optional.of(host + ": " + component + " " + from + " -> " + to + " skips " + (minors - 1)
                    + " minor version(s): Kubernetes upgrades one minor version at a time (upgrade to " + from.major() + "."
                    + (from.minor() + 1) + " first)");
        }
        if (minors < 0) {
            return Optional.of(host + ": " + component + " " + from + " -> " + to + " is a minor downgrade, which Kubernetes does not support");
        }
        return Optional.empty();
    }

    static Optional<String> containerd(String host, SemVer from, SemVer to) {
        if (to.major() < from.major()) {
            return Optional.of(host + ": containerd " + from + " -> " + to + " is a major downgrade, which containerd does not support");
        }
        if (to.major() > from.major() + 1) {
            return Optional.of(host + ": containerd " + from + " -> " + to + " skips a major version; upgrade to " + (from.major() + 1)
                    + ".x first");
        }
        if (to.major() == 2 && from.major() == 1 && from.minor() < 7) {
            return Optional.of(host + ": containerd " + from + " -> " + to + ": containerd 2.x is reached from 1.7 only (containerd's"
                    + " 2.0 upgrade guide); upgrade to the latest 1.7 first and clear 'ctr deprecations list'");
        }
        return Optional.empty();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
