package dev.provisioner.inventory;

/**
 * The flannel network that pods get their addresses from (flannel's network config in etcd).
 *
 * @param podCidr    flannel {@code Network} (default 172.30.0.0/16)
 * @param subnetLen  flannel {@code SubnetLen}: each host leases one subnet of this size (default 24)
 * @param backend    flannel backend (default vxlan)
 * @param etcdPrefix etcd key prefix flannel reads {@code <prefix>/config} from (default /coreos.com/network;
 *                   the 2018 recipe's RPMs used /atomic.io/network)
 */
public record PodNetwork(Cidr podCidr, int subnetLen, FlannelBackend backend, String etcdPrefix) {
    public static final String DEFAULT_POD_CIDR = "172.30.0.0/16";
    public static final int DEFAULT_SUBNET_LEN = 24;
    public static final String DEFAULT_ETCD_PREFIX = "/coreos.com/network";
}
