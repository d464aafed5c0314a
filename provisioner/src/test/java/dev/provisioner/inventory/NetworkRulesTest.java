package dev.provisioner.inventory;

import org.junit.jupiter.api.Test;

import static dev.provisioner.inventory.Fixtures.errors;
import static dev.provisioner.inventory.Fixtures.replace;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per address-plan rule: exact message and location. */
class NetworkRulesTest {

    @Test
    void podNetworkOverlapsTheServiceCidr() {
        assertThat(errors(Fixtures.VALID + "  network:\n    podCidr: 10.100.0.0/16\n")).containsExactly(
                "test.yaml:20:14: cluster.network.podCidr: pod network 10.100.0.0/16 overlaps the service CIDR 10.96.0.0/12 "
                        + "(fix: choose ranges that do not overlap, e.g. podCidr 172.30.0.0/16 and serviceCidr 10.96.0.0/12)");
    }

    @Test
    void hostAddressInsideThePodNetwork() {
        assertThat(errors(replace("    address: 10.4.4.7", "    address: 10.4.4.7\n    internalAddress: 172.30.9.9"))).containsExactly(
                "test.yaml:13:22: hosts[2].internalAddress: address 172.30.9.9 of host 'node02' lies inside the pod network 172.30.0.0/16 "
                        + "(fix: choose a podCidr that contains none of the hosts' addresses)");
    }

    @Test
    void hostAddressInsideTheServiceCidr() {
        assertThat(errors(replace("    address: 10.4.4.7", "    address: 10.100.0.7"))).containsExactly(
                "test.yaml:12:14: hosts[2].address: address 10.100.0.7 of host 'node02' lies inside the service CIDR 10.96.0.0/12 "
                        + "(fix: choose a serviceCidr that contains none of the hosts' addresses)");
    }

    @Test
    void clusterDnsOutsideTheServiceCidr() {
        assertThat(errors(Fixtures.VALID + "  clusterDns: 10.0.0.10\n")).containsExactly(
                "test.yaml:19:15: cluster.clusterDns: cluster DNS IP 10.0.0.10 is outside the service CIDR 10.96.0.0/12 "
                        + "(fix: use an address inside 10.96.0.0/12, e.g. 10.96.0.10)");
    }

    @Test
    void clusterDnsOnTheApiServiceAddress() {
        assertThat(errors(Fixtures.VALID + "  clusterDns: 10.96.0.1\n")).containsExactly(
                "test.yaml:19:15: cluster.clusterDns: cluster DNS IP 10.96.0.1 is reserved (network address or the kubernetes API service) "
                        + "(fix: use another address inside 10.96.0.0/12, e.g. 10.96.0.10)");
    }

    @Test
    void serviceCidrSize() {
        assertThat(errors(Fixtures.VALID + "  serviceCidr: 20.0.0.0/8\n")).containsExactly(
                "test.yaml:19:16: cluster.serviceCidr: service CIDR 20.0.0.0/8 is larger than /12, which kube-apiserver refuses "
                        + "(fix: use a prefix length between 12 and 28, e.g. 10.96.0.0/12)");
    }

    @Test
    void subnetLenMustBeLongerThanThePrefix() {
        assertThat(errors(Fixtures.VALID + "  network:\n    subnetLen: 16\n")).containsExactly(
                "test.yaml:20:16: cluster.network.subnetLen: subnetLen 16 does not fit the pod network 172.30.0.0/16 "
                        + "(fix: use a value between 17 and 30)");
    }

    @Test
    void subnetLenAtMost30() {
        assertThat(errors(Fixtures.VALID + "  network:\n    subnetLen: 31\n")).containsExactly(
                "test.yaml:20:16: cluster.network.subnetLen: subnetLen 31 does not fit the pod network 172.30.0.0/16 "
                        + "(fix: use a value between 17 and 30)");
    }

    @Test
    void justEnoughSubnetsForTheFlannelHosts() {
        Fixtures.assertValid(Fixtures.VALID + "  network:\n    podCidr: 172.30.0.0/24\n    subnetLen: 26\n");
    }

    @Test
    void tooFewSubnets() {
        assertThat(errors(Fixtures.VALID + "  network:\n    podCidr: 172.30.0.0/24\n    subnetLen: 25\n")).containsExactly(
                "test.yaml:21:16: cluster.network.subnetLen: pod network 172.30.0.0/24 with subnetLen 25 leaves 1 usable subnet "
                        + "(flannel skips the first) but 3 hosts run flannel (fix: lower subnetLen or widen podCidr)");
    }
}
