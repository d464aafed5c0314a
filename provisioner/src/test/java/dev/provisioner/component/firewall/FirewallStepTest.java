package dev.provisioner.component.firewall;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cluster's ports in ufw (Ubuntu) and firewalld (RHEL family), from the files each keeps its
 * state in, in the formats those tools write (ufw 0.36 user.rules tuples, firewalld zone XML). The
 * ufw half also runs live in PlatformsLabTest.
 */
class FirewallStepTest {
    private static final Inventory INV = Inventory.builder().clusterName("lab")
            .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
            .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE).keyFile(EngineFixtures.KEY))
            .host("registry", h -> h.address("10.4.4.8").roles(Role.REGISTRY).keyFile(EngineFixtures.KEY))
            .build();
    private static final String UFW_ON = "# /etc/ufw/ufw.conf\nENABLED=yes\nLOGLEVEL=low\n";

    private static StepOutcome plan(String host, EngineFixtures.Facts facts) {
        return new FirewallStep().plan(EngineFixtures.context(INV, host, facts.build()));
    }

    private static String script(StepOutcome o) {
        return ((RunCommand) o.actions().get(0)).script();
    }

    @Test
    void portsFollowTheRoles() {
        assertThat(FirewallPorts.of(INV, INV.host("master").orElseThrow())).extracting(FirewallPort::ufw)
                .containsExactly("6443/tcp", "10250/tcp", "10257/tcp", "10259/tcp", "2379:2380/tcp", "8472/udp");
        assertThat(FirewallPorts.of(INV, INV.host("node01").orElseThrow())).extracting(FirewallPort::firewalld)
                .containsExactly("10250/tcp", "10256/tcp", "30000-32767/tcp", "8472/udp");
        assertThat(FirewallPorts.of(INV, INV.host("registry").orElseThrow())).extracting(FirewallPort::ufw).containsExactly("5000/tcp");
    }

    @Test
    void noActiveFirewallNothingToDo() {
        StepOutcome o = plan("node01", EngineFixtures.debian("node01").file(FirewallStep.UFW_CONF, "ENABLED=no\n", 0644, "root", "root"));
        assertThat(o.actions()).isEmpty();
        assertThat(o.reason()).isEqualTo("no host firewall active (ufw, firewalld)");
    }

    @Test
    void ufwGetsTheMissingPortsOnly() {
        String rules = """
                ### RULES ###

                ### tuple ### allow tcp 22 0.0.0.0/0 any 0.0.0.0/0 in
                -A ufw-user-input -p tcp --dport 22 -j ACCEPT

                ### tuple ### allow tcp 10250 0.0.0.0/0 any 0.0.0.0/0 in comment=70726f76697369
                -A ufw-user-input -p tcp --dport 10250 -j ACCEPT
                ### tuple ### allow tcp 10256 0.0.0.0/0 any 0.0.0.0/0 in_eth1
                """;
        StepOutcome o = plan("node01", EngineFixtures.debian("node01").file(FirewallStep.UFW_CONF, UFW_ON, 0644, "root", "root")
                .file(FirewallStep.UFW_RULES, rules, 0640, "root", "root"));
        assertThat(o.actions()).hasSize(1);
        assertThat(o.actions().get(0).describe()).isEqualTo("open 10256/tcp, 30000:32767/tcp, 8472/udp in ufw");
        assertThat(script(o)).isEqualTo("""
                ufw allow 10256/tcp comment 'provisioner: kube-proxy'
                ufw allow 30000:32767/tcp comment 'provisioner: NodePort services'
                ufw allow 8472/udp comment 'provisioner: flannel VXLAN'
                """);
    }

    @Test
    void ufwWithEveryPortOpenIsConverged() {
        String rules = "### tuple ### allow tcp 5000 0.0.0.0/0 any 0.0.0.0/0 in comment=70726f76\n";
        StepOutcome o = plan("registry", EngineFixtures.debian("registry").file(FirewallStep.UFW_CONF, UFW_ON, 0644, "root", "root")
                .file(FirewallStep.UFW_RULES, rules, 0640, "root", "root"));
        assertThat(o.actions()).isEmpty();
        assertThat(o.reason()).isEqualTo("ufw allows 5000/tcp");
    }

    @Test
    void firewalldGetsTheMissingPortsInThePublicZone() {
        String zone = """
                <?xml version="1.0" encoding="utf-8"?>
                <zone>
                  <short>Public</short>
                  <description>For use in public areas.</description>
                  <service name="ssh"/>
                  <service name="dhcpv6-client"/>
                  <service name="cockpit"/>
                  <port port="6443" protocol="tcp"/>
                  <port port="2379-2380" protocol="tcp"/>
                  <forward/>
                </zone>
                """;
        StepOutcome o = plan("master", EngineFixtures.rocky("master").unit(FirewallStep.FIREWALLD_UNIT, "active", "enabled")
                .file(FirewallStep.FIREWALLD_CONF, "# firewalld config file\nDefaultZone=public\n", 0644, "root", "root")
                .file("/etc/firewalld/zones/public.xml", zone, 0644, "root", "root"));
        assertThat(script(o)).isEqualTo("firewall-cmd -q --permanent --zone=public --add-port=10250/tcp --add-port=10257/tcp"
                + " --add-port=10259/tcp --add-port=8472/udp\nfirewall-cmd -q --reload\n");
    }

    @Test
    void firewalldWithAnotherDefaultZoneIsAClearErrorNamingTheCommand() {
        assertThatThrownBy(() -> plan("registry", EngineFixtures.rocky("registry").unit(FirewallStep.FIREWALLD_UNIT, "active", "enabled")
                .file(FirewallStep.FIREWALLD_CONF, "DefaultZone=internal\n", 0644, "root", "root")))
                .hasMessage("firewalld's default zone on registry is 'internal', not 'public': open the cluster ports there yourself:"
                        + " firewall-cmd --permanent --zone=internal --add-port=5000/tcp && firewall-cmd --reload");
    }
}
