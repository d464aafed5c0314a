package dev.provisioner.transport;

import dev.provisioner.Secret;
import dev.provisioner.testsupport.LabHost;
import dev.provisioner.testsupport.LabHosts;
import dev.provisioner.testsupport.TestKeys;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Two real OpenSSH lab hosts as a {@link ContractServer}: {@code a} is the main host and the
 * bastion; {@code b} rejects SSH from everyone but {@code a} (iptables), so it is reachable only
 * through the bastion.
 */
final class LabContractServer implements ContractServer {
    private final LabHosts lab;
    private final LabHost main;
    private final LabHost isolated;

    LabContractServer() {
        lab = LabHosts.start("a", "b");
        try {
            main = lab.host("a");
            isolated = lab.host("b");
            isolated.execOk("iptables -I INPUT -p tcp --dport 22 ! -s " + main.address() + " -j REJECT --reject-with tcp-reset");
        } catch (RuntimeException | Error e) {
            lab.close();
            throw e;
        }
    }

    @Override
    public boolean supports(Capability capability) {
        return true;
    }

    @Override
    public TestKeys keys() {
        return lab.keys();
    }

    @Override
    public java.nio.file.Path knownHosts() {
        return lab.knownHosts();
    }

    @Override
    public String knownHostsName() {
        return main.address();
    }

    @Override
    public String hostKeyType() {
        return "ed25519";
    }

    @Override
    public Set<String> hostFingerprints() {
        return main.hostKeys().stream().map(KeyLines::fingerprint).collect(Collectors.toSet());
    }

    @Override
    public Endpoint admin(Auth auth) {
        return endpoint(main, "root", auth, Sudo.none());
    }

    @Override
    public Endpoint passwordLogin(Secret password) {
        return endpoint(main, "operator", new Auth.Password(password), Sudo.none());
    }

    @Override
    public String loginPassword() {
        return lab.sudoPassword();
    }

    @Override
    public String workDir() {
        return "/var/tmp/contract";
    }

    @Override
    public long logins() {
        String out = main.exec("journalctl -u ssh --no-pager -o cat | grep -c '^Accepted '").stdout().trim();
        return out.isEmpty() ? 0 : Long.parseLong(out);
    }

    @Override
    public Endpoint sudoWithPassword(Secret password) {
        return endpoint(main, "operator", key(), Sudo.withPassword(password));
    }

    @Override
    public Endpoint sudoPasswordless() {
        return endpoint(main, "deploy", key(), Sudo.passwordless());
    }

    @Override
    public String sudoPassword() {
        return lab.sudoPassword();
    }

    @Override
    public Endpoint isolatedDirect() {
        return endpoint(isolated, "root", key(), Sudo.none());
    }

    @Override
    public Endpoint isolatedViaBastion() {
        return isolatedDirect().withBastion(admin());
    }

    @Override
    public String[] bastionAndIsolatedNames() {
        return new String[] {main.name(), isolated.name()};
    }

    @Override
    public String knownHostsLinesOf(String hostName) {
        return lab.host(hostName).knownHostsLines();
    }

    private Auth key() {
        return Auth.PrivateKey.of(lab.keys().ed25519());
    }

    private static Endpoint endpoint(LabHost host, String user, Auth auth, Sudo sudo) {
        return new Endpoint(host.name(), host.address(), host.port(), user, auth, sudo, null);
    }

    @Override
    public void close() {
        lab.close();
    }
}
