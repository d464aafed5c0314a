package dev.provisioner.inventory;

import org.junit.jupiter.api.Test;

import static dev.provisioner.inventory.Fixtures.errors;
import static dev.provisioner.inventory.Fixtures.replace;
import static org.assertj.core.api.Assertions.assertThat;

/** Values that reach command lines or config files: no control characters, line breaks, shell metacharacters, leading '-'. */
class UnsafeValuesTest {

    @Test
    void shellMetacharacterInAName() {
        assertThat(errors(replace("  - name: master", "  - name: master;reboot"))).containsExactly(
                "test.yaml:5:11: hosts[0].name: 'master;reboot' contains the shell metacharacter ';' "
                        + "(fix: remove it: this value reaches a command line or a config file on the hosts)");
    }

    @Test
    void commandSubstitutionInAnEtcdPrefix() {
        assertThat(errors(Fixtures.VALID + "  network:\n    etcdPrefix: /x/$(reboot)\n")).containsExactly(
                "test.yaml:20:17: cluster.network.etcdPrefix: '/x/$(reboot)' contains the shell metacharacter '$' "
                        + "(fix: remove it: this value reaches a command line or a config file on the hosts)");
    }

    @Test
    void leadingDashInAUser() {
        assertThat(errors(replace("  auth:", "  user: -oProxyCommand=x\n  auth:"))).containsExactly(
                "test.yaml:2:9: defaults.user: '-oProxyCommand=x' starts with '-' and would be read as a command-line option "
                        + "(fix: remove the leading '-')");
    }

    @Test
    void lineBreakInALabelValue() {
        assertThat(errors(replace("    roles: [master]", "    roles: [master]\n    labels:\n      disk: \"ss\\nd\""))).containsExactly(
                "test.yaml:9:13: hosts[0].labels.disk: 'ss\\nd' contains a line break (fix: write the value on one line)");
    }

    @Test
    void controlCharacterInAVersion() {
        assertThat(errors(Fixtures.VALID + "  versions:\n    etcd: \"3.6.5\\a\"\n")).containsExactly(
                "test.yaml:20:11: cluster.versions.etcd: '3.6.5\\u0007' contains the control character U+0007 (fix: remove the control character)");
    }

    @Test
    void metacharacterInAKeyPath() {
        assertThat(errors(replace("    keyFile: ~/.ssh/id_ed25519", "    keyFile: \"~/.ssh/id`whoami`\""))).containsExactly(
                "test.yaml:3:14: defaults.auth.keyFile: '~/.ssh/id`whoami`' contains the shell metacharacter '`' "
                        + "(fix: remove it: this value reaches a command line or a config file on the hosts)");
    }

    @Test
    void secretReferenceOutsideASecretField() {
        assertThat(errors(Fixtures.VALID + "  clusterDomain: ${env:DOMAIN}\n")).containsExactly(
                "test.yaml:19:18: cluster.clusterDomain: '${env:DOMAIN}' contains the shell metacharacter '$' "
                        + "(fix: remove it: this value reaches a command line or a config file on the hosts)");
    }

    @Test
    void secretsMayHoldAnyCharacter() {
        Inventory inv = Fixtures.parse(replace("  auth:", "  sudo: password\n  sudoPassword: \"p$ss;w|rd\"\n  auth:"));
        assertThat(inv.hosts().get(0).sudoPassword().orElseThrow().reveal()).isEqualTo("p$ss;w|rd");
    }
}
