package dev.provisioner.inventory;

import org.junit.jupiter.api.Test;

import static dev.provisioner.inventory.Fixtures.errors;
import static dev.provisioner.inventory.Fixtures.replace;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per field-level rule: exact message, YAML path and line:column. */
class FieldRulesTest {

    @Test
    void unknownKeySuggestsTheClosestValidKey() {
        assertThat(errors(replace("    address: 10.4.4.5", "    adress: 10.4.4.5"))).containsExactly(
                "test.yaml:9:5: hosts[1].adress: unknown key 'adress' (did you mean 'address'?) (fix: valid keys here: name, address, "
                        + "internalAddress, port, user, auth, sudo, sudoPassword, roles, labels, overrides, bastion)",
                "test.yaml:8:5: hosts[1].address: missing required key 'address' (fix: give the IP address or DNS name SSH connects to)");
    }

    @Test
    void unknownKeyFarFromAnyValidKeyListsTheValidOnes() {
        assertThat(errors(Fixtures.VALID + "  flavour: vanilla\n")).containsExactly(
                "test.yaml:19:3: cluster.flavour: unknown key 'flavour' (fix: valid keys here: name, versions, network, serviceCidr, "
                        + "clusterDns, clusterDomain, registry, containerRuntime, install, proxy, ssh, apiEndpoint, masters, encryption, cis, etcd)");
    }

    @Test
    void missingRequiredKey() {
        assertThat(errors(replace("  name: blog", "  versions: {}"))).containsExactly(
                "test.yaml:18:3: cluster.name: missing required key 'name' (fix: give the cluster a name such as demo)");
    }

    @Test
    void missingAuth() {
        assertThat(errors(Fixtures.VALID.replace("defaults:\n  auth:\n    keyFile: ~/.ssh/id_ed25519\n", "")).get(0)).isEqualTo(
                "test.yaml:2:5: hosts[0].auth: missing required key 'auth' (fix: add auth: {keyFile: ~/.ssh/id_ed25519} here or under defaults)");
    }

    @Test
    void wrongTypeListExpected() {
        assertThat(errors(replace("    roles: [node]\n  - name: node02", "    roles: node\n  - name: node02"))).containsExactly(
                "test.yaml:10:12: hosts[1].roles: expected a list of roles, found 'node' (fix: write roles: [master, node])");
    }

    @Test
    void wrongTypeNumberExpected() {
        assertThat(errors(Fixtures.VALID + "  ssh:\n    parallelism: many\n")).containsExactly(
                "test.yaml:20:18: cluster.ssh.parallelism: expected a number, found 'many' (fix: write a whole number between 1 and 1000)");
    }

    @Test
    void wrongTypeMappingExpected() {
        assertThat(errors(Fixtures.VALID + "  network: 172.30.0.0/16\n")).containsExactly(
                "test.yaml:19:12: cluster.network: expected a mapping of keys (podCidr, subnetLen, backend, etcdPrefix), "
                        + "found '172.30.0.0/16' (fix: write the keys indented under 'network:')");
    }

    @Test
    void quotedNumberIsAString() {
        assertThat(errors(replace("    address: 10.4.4.4", "    address: 10.4.4.4\n    port: \"22\""))).containsExactly(
                "test.yaml:7:11: hosts[0].port: expected a number, found the string \"22\" (fix: remove the quotes)");
    }

    @Test
    void yaml11BooleanTrapInAString() {
        assertThat(errors(replace("  - name: master", "  - name: no"))).containsExactly(
                "test.yaml:5:11: hosts[0].name: 'no' is read by YAML 1.1 as the boolean false (fix: quote it: \"no\")");
    }

    @Test
    void yaml11BooleanInABooleanField() {
        assertThat(errors(Fixtures.VALID + "  registry:\n    tls: on\n")).containsExactly(
                "test.yaml:20:10: cluster.registry.tls: 'on' is a YAML 1.1 boolean that other YAML tools read as a string (fix: write true)");
    }

    @Test
    void yaml11FloatTrapInAVersion() {
        assertThat(errors(Fixtures.VALID + "  versions:\n    kubernetes: 1.10\n")).containsExactly(
                "test.yaml:20:17: cluster.versions.kubernetes: '1.10' is read by YAML 1.1 as the number 1.1 (fix: quote it: \"1.10\")");
    }

    @Test
    void yaml11OctalTrapInAString() {
        assertThat(errors(Fixtures.VALID + "  versions:\n    flannel: 0755\n")).containsExactly(
                "test.yaml:20:14: cluster.versions.flannel: '0755' is read by YAML 1.1 as the octal number 493 (fix: quote it: \"0755\")");
    }

    @Test
    void yaml11OctalTrapInANumber() {
        assertThat(errors(replace("    address: 10.4.4.4", "    address: 10.4.4.4\n    port: 022"))).containsExactly(
                "test.yaml:7:11: hosts[0].port: '022' is read by YAML 1.1 as the octal number 18 (fix: write a plain decimal number without leading zeros)");
    }

    @Test
    void versionSyntax() {
        assertThat(errors(Fixtures.VALID + "  versions:\n    etcd: \"3.6\"\n")).containsExactly(
                "test.yaml:20:11: cluster.versions.etcd: '3.6' is not a valid version (fix: write MAJOR.MINOR.PATCH in quotes, e.g. \"1.34.0\")");
    }

    @Test
    void invalidIpv4Address() {
        assertThat(errors(replace("    address: 10.4.4.7", "    address: 10.4.4.300"))).containsExactly(
                "test.yaml:12:14: hosts[2].address: '10.4.4.300' is not a valid IPv4 address or host name (fix: write four numbers 0-255 "
                        + "separated by dots (e.g. 10.4.4.4) or a DNS name of letters, digits, '-' and '.')");
    }

    @Test
    void invalidIpv6Address() {
        assertThat(errors(replace("    address: 10.4.4.7", "    address: \"fe80::1::2\""))).containsExactly(
                "test.yaml:12:14: hosts[2].address: 'fe80::1::2' is not a valid IPv6 address (fix: write an IPv6 address without brackets, e.g. fd00::4)");
    }

    @Test
    void invalidHostNameAsAddress() {
        assertThat(errors(replace("    address: 10.4.4.7", "    address: node_02.example.com"))).containsExactly(
                "test.yaml:12:14: hosts[2].address: 'node_02.example.com' is not a valid IPv4 address or host name (fix: write four numbers 0-255 "
                        + "separated by dots (e.g. 10.4.4.4) or a DNS name of letters, digits, '-' and '.')");
    }

    @Test
    void validAddressForms() {
        Fixtures.assertValid(replace("    address: 10.4.4.7", "    address: node02.example.com\n    internalAddress: 10.4.4.7"));
        Fixtures.assertValid(replace("    address: 10.4.4.7", "    address: \"fd00::7\""));
    }

    @Test
    void hostNameMustBeAnRfc1123Label() {
        assertThat(errors(replace("  - name: node02", "  - name: Node_02"))).containsExactly(
                "test.yaml:11:11: hosts[2].name: 'Node_02' is not a valid RFC 1123 name (fix: use 1-63 lowercase letters, digits and '-', "
                        + "starting and ending with a letter or digit)");
    }

    @Test
    void portOutOfRange() {
        assertThat(errors(replace("    address: 10.4.4.4", "    address: 10.4.4.4\n    port: 70000"))).containsExactly(
                "test.yaml:7:11: hosts[0].port: 70000 is out of range (fix: use a number between 1 and 65535)");
        assertThat(errors(Fixtures.VALID + "  registry:\n    port: 0\n")).containsExactly(
                "test.yaml:20:11: cluster.registry.port: 0 is out of range (fix: use a number between 1 and 65535)");
    }

    @Test
    void unknownEnumValueSuggestsTheClosest() {
        assertThat(errors(Fixtures.VALID + "  ssh:\n    transport: ssh\n")).containsExactly(
                "test.yaml:20:16: cluster.ssh.transport: 'ssh' is not one of: sshj, jsch (did you mean 'sshj'?) (fix: use one of the listed values)");
    }

    @Test
    void unknownRole() {
        assertThat(errors(replace("    roles: [registry]", "    roles: [registry, worker]"))).containsExactly(
                "test.yaml:16:23: hosts[3].roles[1]: 'worker' is not one of: master, node, registry, etcd (fix: use one of the listed values)");
    }

    @Test
    void cidrSyntax() {
        assertThat(errors(Fixtures.VALID + "  serviceCidr: 10.96.0.0\n")).containsExactly(
                "test.yaml:19:16: cluster.serviceCidr: '10.96.0.0' is not a CIDR (fix: write NETWORK/PREFIX, e.g. 172.30.0.0/16)");
    }

    @Test
    void cidrPrefixRange() {
        assertThat(errors(Fixtures.VALID + "  network:\n    podCidr: 172.30.0.0/33\n")).containsExactly(
                "test.yaml:20:14: cluster.network.podCidr: '172.30.0.0/33' has an invalid prefix length (fix: use a prefix length between 0 and 32)");
    }

    @Test
    void cidrHostBitsSet() {
        assertThat(errors(Fixtures.VALID + "  network:\n    podCidr: 172.30.0.1/16\n")).containsExactly(
                "test.yaml:20:14: cluster.network.podCidr: 172.30.0.1/16 has host bits set; did you mean 172.30.0.0/16? (fix: write 172.30.0.0/16)");
    }

    @Test
    void labelsFollowKubernetesSyntax() {
        assertThat(errors(replace("    roles: [master]", "    roles: [master]\n    labels:\n      example.com/disk: \"-ssd\""))).containsExactly(
                "test.yaml:9:25: hosts[0].labels.example.com/disk: '-ssd' starts with '-' and would be read as a command-line option "
                        + "(fix: remove the leading '-')");
        assertThat(errors(replace("    roles: [master]", "    roles: [master]\n    labels:\n      disk type: ssd"))).containsExactly(
                "test.yaml:9:7: hosts[0].labels.'disk type': 'disk type' is not a valid Kubernetes label key (fix: write NAME or DOMAIN/NAME, "
                        + "e.g. disktype or example.com/disktype)");
    }

    @Test
    void authNeedsExactlyOneMethod() {
        assertThat(errors(replace("    keyFile: ~/.ssh/id_ed25519", "    keyFile: ~/.ssh/id_ed25519\n    password: ${env:SUDO_PASSWORD}"))).containsExactly(
                "test.yaml:3:5: defaults.auth.password: give either keyFile or password, not both (fix: remove one of them)");
    }

    @Test
    void sudoPasswordModeNeedsAPassword() {
        assertThat(errors(replace("  auth:", "  user: azureuser\n  sudo: password\n  auth:"))).containsExactly(
                "test.yaml:3:9: defaults.sudo: sudo: password needs sudoPassword (fix: add sudoPassword: ${env:SUDO_PASSWORD})");
    }

    @Test
    void sudoPasswordWithoutPasswordMode() {
        assertThat(errors(replace("  auth:", "  sudo: passwordless\n  sudoPassword: ${env:SUDO_PASSWORD}\n  auth:"))).containsExactly(
                "test.yaml:3:17: defaults.sudoPassword: sudoPassword is set but sudo is 'passwordless' (fix: set sudo: password, or remove sudoPassword)");
    }

    @Test
    void registryAuthNeedsTls() {
        assertThat(errors(Fixtures.VALID + "  registry:\n    tls: false\n    auth:\n      user: admin\n      password: ${env:REGISTRY_PASSWORD}\n"))
                .containsExactly("test.yaml:22:7: cluster.registry.auth: htpasswd authentication requires TLS "
                        + "(fix: set cluster.registry.tls: true, or remove auth)");
    }

    @Test
    void artifactsSourceNeedsADirectory() {
        assertThat(errors(Fixtures.VALID + "  install:\n    etcd: artifacts\n")).containsExactly(
                "test.yaml:20:5: cluster.install: install source 'artifacts' needs artifactsDir (fix: add artifactsDir: the folder holding the release files)");
    }

    @Test
    void proxyUrl() {
        assertThat(errors(Fixtures.VALID + "  proxy:\n    http: proxy.example.com:3128\n")).containsExactly(
                "test.yaml:20:11: cluster.proxy.http: 'proxy.example.com:3128' is not a valid proxy URL (fix: write http://HOST:PORT, e.g. http://proxy.example.com:3128)");
    }

    @Test
    void allErrorsAreReportedAtOnce() {
        String yaml = Fixtures.VALID.replace("10.4.4.7", "10.4.4.300").replace("  - name: node01", "  - name: Node01")
                + "  network:\n    podCidr: 172.30.0.1/16\n  ssh:\n    transport: putty\n";
        assertThat(errors(yaml)).extracting(s -> s.split(": ")[0] + ": " + s.split(": ")[1]).containsExactly(
                "test.yaml:8:11: hosts[1].name", "test.yaml:12:14: hosts[2].address",
                "test.yaml:20:14: cluster.network.podCidr", "test.yaml:22:16: cluster.ssh.transport");
    }
}
