package dev.provisioner.component.etcd;

import dev.provisioner.testsupport.LabHost;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LIVE checks, on a real etcd with auth on, that each client certificate may do exactly what its etcd user
 * is granted: flannel only under its prefix, the apiserver in /registry/, the health-check client only
 * reads, and a certificate whose CN is no etcd user (a member's server certificate) nothing at all.
 */
public final class EtcdPermissions {
    static final String FLANNEL = "/etc/kubernetes/pki/flannel-etcd-client";
    static final String APISERVER = "/etc/kubernetes/pki/apiserver-etcd-client";
    static final String HEALTHCHECK = "/etc/etcd/pki/healthcheck-client";
    static final String MEMBER = "/etc/etcd/pki/server";

    private EtcdPermissions() {
    }

    static String as(String etcdctl, String endpoint, String identity, String args) {
        return "ETCDCTL_API=3 " + etcdctl + " --endpoints=" + endpoint + " --cacert=/etc/etcd/pki/ca.crt --cert=" + identity + ".crt"
                + " --key=" + identity + ".key --dial-timeout=3s --command-timeout=10s " + args + " 2>&1";
    }

    private static void allowed(LabHost h, String etcdctl, String endpoint, String identity, String args) {
        LabHost.Exec r = h.exec(as(etcdctl, endpoint, identity, args));
        assertThat(r.exitCode()).as(identity + ": " + args + " -> " + r.stdout()).isZero();
    }

    private static void denied(LabHost h, String etcdctl, String endpoint, String identity, String args) {
        LabHost.Exec r = h.exec(as(etcdctl, endpoint, identity, args));
        assertThat(r.exitCode()).as(identity + ": " + args + " must be refused").isNotZero();
        assertThat(r.stdout()).as(identity + ": " + args).contains("permission denied");
    }

    /**
     * On {@code h} (a master that is also a node: it holds every client certificate), against {@code endpoint},
     * with flannel's prefix {@code prefix} (no trailing slash).
     */
    public static void assertLeastPrivilege(LabHost h, String etcdctl, String endpoint, String prefix) {
        allowed(h, etcdctl, endpoint, FLANNEL, "put " + prefix + "/subnets/10.1.9.0-24 lab-lease");
        allowed(h, etcdctl, endpoint, FLANNEL, "get --prefix " + prefix + "/");
        denied(h, etcdctl, endpoint, FLANNEL, "put /registry/clusterrolebindings/take-over x");
        denied(h, etcdctl, endpoint, FLANNEL, "get --prefix /registry/");
        denied(h, etcdctl, endpoint, FLANNEL, "put " + prefix + "2 x");
        denied(h, etcdctl, endpoint, FLANNEL, "put compact_rev_key x");

        allowed(h, etcdctl, endpoint, APISERVER, "put /registry/pods/default/lab x");
        allowed(h, etcdctl, endpoint, APISERVER, "get --prefix /registry/");
        allowed(h, etcdctl, endpoint, APISERVER, "put compact_rev_key 1");
        denied(h, etcdctl, endpoint, APISERVER, "put " + prefix + "/config x");
        denied(h, etcdctl, endpoint, APISERVER, "member add intruder --peer-urls=https://192.0.2.1:2380");

        allowed(h, etcdctl, endpoint, HEALTHCHECK, "endpoint health");
        allowed(h, etcdctl, endpoint, HEALTHCHECK, "get --prefix " + prefix + "/subnets/");
        denied(h, etcdctl, endpoint, HEALTHCHECK, "put " + prefix + "/subnets/x y");
        denied(h, etcdctl, endpoint, HEALTHCHECK, "get --prefix /registry/");

        denied(h, etcdctl, endpoint, MEMBER, "get --prefix /registry/");
    }
}
