package dev.provisioner.ops.check;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.pki.HostPaths;

import java.time.Duration;
import java.util.List;

import static dev.provisioner.ops.check.ProbeScripts.q;

/** {@code etcdctl endpoint health} over TLS on every etcd member, with the health-check client certificate. */
final class EtcdHealthProbe extends SingleHostProbe {
    static final String NAME = "etcd";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Host> runsOn(Inventory inventory) {
        return inventory.view().etcdMembers();
    }

    @Override
    public String describe(Inventory inventory, Host host) {
        return "etcdctl endpoint health " + Addresses.https(host, ProbeTargets.ETCD_CLIENT_PORT);
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(15);
    }

    @Override
    public String script(Inventory inventory, Host host) {
        return "unit_exists " + ProbeTargets.ETCD_UNIT + " || notinstalled " + q("no " + ProbeTargets.ETCD_UNIT + " on " + host.name()) + "\n"
                + "have etcdctl || notinstalled " + q("etcdctl not found on " + host.name()) + "\n"
                + "require_active " + ProbeTargets.ETCD_UNIT + "\n"
                + ProbeScripts.requireFiles(HostPaths.ETCD_MEMBER_CA_CERT, HostPaths.ETCD_HEALTHCHECK_CLIENT_CERT,
                        HostPaths.ETCD_HEALTHCHECK_CLIENT_KEY)
                + etcdctl(Addresses.https(host, ProbeTargets.ETCD_CLIENT_PORT)) + " endpoint health\n";
    }

    /** etcdctl (API v3) against {@code endpoints}, authenticated with the health-check client certificate. */
    static String etcdctl(String endpoints) {
        return "ETCDCTL_API=3 etcdctl --endpoints=" + q(endpoints) + " --cacert=" + q(HostPaths.ETCD_MEMBER_CA_CERT)
                + " --cert=" + q(HostPaths.ETCD_HEALTHCHECK_CLIENT_CERT) + " --key=" + q(HostPaths.ETCD_HEALTHCHECK_CLIENT_KEY)
                + " --dial-timeout=3s --command-timeout=5s";
    }
}
