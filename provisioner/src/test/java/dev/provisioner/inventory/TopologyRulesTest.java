package dev.provisioner.inventory;

import org.junit.jupiter.api.Test;

import static dev.provisioner.inventory.Fixtures.errors;
import static dev.provisioner.inventory.Fixtures.replace;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per cross-host rule: exact message and location. */
class TopologyRulesTest {

    @Test
    void duplicateHostNames() {
        assertThat(errors(replace("  - name: node02", "  - name: node01"))).containsExactly(
                "test.yaml:11:11: hosts[2].name: duplicate host name 'node01' (also hosts[1]) (fix: give every host a unique name)");
    }

    @Test
    void duplicateAddresses() {
        assertThat(errors(replace("    address: 10.4.4.7", "    address: 10.4.4.5"))).containsExactly(
                "test.yaml:12:14: hosts[2].address: address 10.4.4.5 port 22 is already used by hosts[1] 'node01' "
                        + "(fix: give every host its own address (or SSH port))");
    }

    @Test
    void sameAddressOnAnotherPortNeedsItsOwnInternalAddress() {
        assertThat(errors(replace("    address: 10.4.4.7", "    address: 10.4.4.5\n    port: 2222"))).containsExactly(
                "test.yaml:12:14: hosts[2].address: internal address 10.4.4.5 is already used by hosts[1] 'node01' "
                        + "(fix: set internalAddress to the address the other hosts reach this one at)");
        Fixtures.assertValid(replace("    address: 10.4.4.7", "    address: 10.4.4.5\n    port: 2222\n    internalAddress: 10.4.4.7"));
    }

    @Test
    void duplicateInternalAddresses() {
        assertThat(errors(replace("    address: 10.4.4.7", "    address: 10.4.4.7\n    internalAddress: 10.4.4.5"))).containsExactly(
                "test.yaml:13:22: hosts[2].internalAddress: internal address 10.4.4.5 is already used by hosts[1] 'node01' "
                        + "(fix: set internalAddress to the address the other hosts reach this one at)");
    }

    @Test
    void noMaster() {
        assertThat(errors(replace("    roles: [master]", "    roles: [node]"))).containsExactly(
                "test.yaml:5:3: hosts: no host has the role 'master' (fix: add master to the roles of one host (three for high availability))");
    }

    @Test
    void noNode() {
        String yaml = Fixtures.VALID.replace("roles: [node]", "roles: [master]");
        assertThat(errors(yaml)).containsExactly(
                "test.yaml:5:3: hosts: no host has the role 'node' (fix: add node to the roles of at least one host (a master may also be a node))");
    }

    @Test
    void aMasterMayAlsoBeTheNode() {
        Fixtures.assertValid(Fixtures.VALID.replace("roles: [master]", "roles: [master, node]").replace("roles: [node]", "roles: [etcd]")
                .replace("  - name: node01\n    address: 10.4.4.5\n    roles: [etcd]\n  - name: node02\n    address: 10.4.4.7\n    roles: [etcd]\n", ""));
    }

    @Test
    void moreThanOneRegistryHost() {
        assertThat(errors(replace("    roles: [node]\n  - name: registry", "    roles: [node, registry]\n  - name: registry"))).containsExactly(
                "test.yaml:16:12: hosts[3].roles: more than one host has the role 'registry' (also hosts[2] 'node02') "
                        + "(fix: keep the role registry on one host only)");
    }

    @Test
    void noRegistryHostWhileTheRegistryIsEnabled() {
        assertThat(errors(replace("    roles: [registry]", "    roles: [node]"))).containsExactly(
                "test.yaml:5:3: hosts: no host has the role 'registry' but cluster.registry is enabled "
                        + "(fix: add registry to the roles of one host, or set cluster.registry.enabled: false)");
        Fixtures.assertValid(replace("    roles: [registry]", "    roles: [node]") + "  registry:\n    enabled: false\n");
    }

    @Test
    void registryRoleWhileTheRegistryIsDisabled() {
        assertThat(errors(Fixtures.VALID + "  registry:\n    enabled: false\n")).containsExactly(
                "test.yaml:16:12: hosts[3].roles: the host has the role 'registry' but cluster.registry.enabled is false "
                        + "(fix: remove the role, or set cluster.registry.enabled: true)");
    }

    @Test
    void registryHostMustNameTheRegistry() {
        assertThat(errors(Fixtures.VALID + "  registry:\n    host: node01\n")).containsExactly(
                "test.yaml:20:11: cluster.registry.host: 'node01' is not a host with the role 'registry' (fix: write registry, or remove the key)");
    }

    @Test
    void twoEtcdMembersAreRefused() {
        assertThat(errors(replace("    roles: [node]\n  - name: node02", "    roles: [master, node]\n  - name: node02"))).containsExactly(
                "test.yaml:5:3: hosts: 2 etcd members cannot lose either one (a quorum of 2 needs both) "
                        + "(fix: use 1 or 3 etcd members: etcd runs on the masters unless hosts have the role etcd)");
    }

    @Test
    void fourEtcdMembersAreWarned() {
        String yaml = Fixtures.VALID.replace("roles: [master]", "roles: [master, etcd]").replace("roles: [node]", "roles: [node, etcd]")
                .replace("roles: [registry]", "roles: [registry, etcd]");
        Inventory inv = Fixtures.parse(yaml);
        assertThat(inv.warnings()).extracting(ValidationProblem::format).containsExactly(
                "test.yaml:5:3: warning: hosts: 4 etcd members tolerate no more failures than 3 (fix: use an odd number of etcd members)");
        assertThat(inv.view().etcdMembers()).hasSize(4);
    }
}
