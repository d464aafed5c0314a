package dev.provisioner.inventory;

import java.util.List;

/** Address-plan rules: pod and service ranges, cluster DNS, flannel subnet sizing. */
final class NetworkRules {
    private static final String POD = "cluster.network.podCidr";
    private static final String SUBNET_LEN = "cluster.network.subnetLen";

    private NetworkRules() {}

    static void check(List<Host> hosts, Cluster cluster, Problems problems) {
        Cidr pod = cluster.network().podCidr();
        Cidr svc = cluster.serviceCidr();
        if (svc != null) {
            services(svc, cluster.clusterDns(), problems);
        }
        if (pod != null && svc != null && pod.overlaps(svc)) {
            problems.errorAt(POD, "pod network " + pod + " overlaps the service CIDR " + svc,
                    "choose ranges that do not overlap, e.g. podCidr 172.30.0.0/16 and serviceCidr 10.96.0.0/12");
        }
        if (pod != null) {
            subnets(pod, cluster.network().subnetLen(), hosts.stream().filter(Host::runsFlannel).count(), problems);
        }
        for (int i = 0; i < hosts.size(); i++) {
            String address = hosts.get(i).internalAddress();
            String at = "hosts[" + i + "]";
            String path = problems.knows(at + ".internalAddress") ? at + ".internalAddress" : at + ".address";
            if (address != null && pod != null && pod.contains(address)) {
                problems.errorAt(path, "address " + address + " of host '" + hosts.get(i).name() + "' lies inside the pod network " + pod,
                        "choose a podCidr that contains none of the hosts' addresses");
            }
            if (address != null && svc != null && svc.contains(address)) {
                problems.errorAt(path, "address " + address + " of host '" + hosts.get(i).name() + "' lies inside the service CIDR " + svc,
                        "choose a serviceCidr that contains none of the hosts' addresses");
            }
        }
    }

    private static void services(Cidr svc, String dns, Problems problems) {
        if (svc.prefixLength() < 12) {
            problems.errorAt("cluster.serviceCidr", "service CIDR " + svc + " is larger than /12, which kube-apiserver refuses",
                    "use a prefix length between 12 and 28, e.g. 10.96.0.0/12");
        } else if (svc.prefixLength() > 28) {
            problems.errorAt("cluster.serviceCidr", "service CIDR " + svc + " is too small for the cluster's services",
                    "use a prefix length between 12 and 28, e.g. 10.96.0.0/12");
        }
        if (svc.prefixLength() < 12 || svc.prefixLength() > 28) {
            return;
        }
        if (dns != null && !svc.contains(dns)) {
            problems.errorAt("cluster.clusterDns", "cluster DNS IP " + dns + " is outside the service CIDR " + svc,
                    "use an address inside " + svc + ", e.g. " + svc.addressAt(10));
        } else if (dns != null && (dns.equals(svc.addressAt(0)) || dns.equals(svc.addressAt(1)))) {
            problems.errorAt("cluster.clusterDns", "cluster DNS IP " + dns + " is reserved (network address or the kubernetes API service)",
                    "use another address inside " + svc + ", e.g. " + svc.addressAt(10));
        }
    }

    private static void subnets(Cidr pod, int subnetLen, long flannelHosts, Problems problems) {
        if (subnetLen == 0) {
            return;
        }
        if (subnetLen <= pod.prefixLength() || subnetLen > 30) {
            problems.errorAt(SUBNET_LEN, "subnetLen " + subnetLen + " does not fit the pod network " + pod,
                    pod.prefixLength() >= 30 ? "widen podCidr" : "use a value between " + (pod.prefixLength() + 1) + " and 30");
            return;
        }
        long usable = (1L << (subnetLen - pod.prefixLength())) - 1;
        if (usable < flannelHosts) {
            problems.errorAt(SUBNET_LEN, "pod network " + pod + " with subnetLen " + subnetLen + " leaves " + usable
                            + " usable subnet" + (usable == 1 ? "" : "s") + " (flannel skips the first) but " + flannelHosts + " hosts run flannel",
                    "lower subnetLen or widen podCidr");
        }
    }
}
