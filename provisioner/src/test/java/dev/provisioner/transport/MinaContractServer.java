package dev.provisioner.transport;

import dev.provisioner.Secret;
import dev.provisioner.testsupport.MinaSshServer;
import dev.provisioner.testsupport.TestKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;

/** The embedded MINA server as a {@link ContractServer}: no sudo, no second host. */
final class MinaContractServer implements ContractServer {
    private final Path dir;
    private final TestKeys keys;
    private final String password;
    private final MinaSshServer server;
    private final Path knownHosts;
    private final Path workDir;

    MinaContractServer() {
        try {
            dir = Files.createTempDirectory("mina-contract-");
            keys = TestKeys.generate(dir.resolve("keys"));
            password = "mina-login-" + Long.toHexString(System.nanoTime());
            workDir = Files.createDirectories(dir.resolve("work"));
            server = MinaSshServer.start(keys, password, MinaSshServer.newHostKey(), workDir);
            knownHosts = dir.resolve("known_hosts");
            Files.writeString(knownHosts, server.knownHostsLine());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean supports(Capability capability) {
        return false;
    }

    @Override
    public TestKeys keys() {
        return keys;
    }

    @Override
    public Path knownHosts() {
        return knownHosts;
    }

    @Override
    public String knownHostsName() {
        return "[" + server.address() + "]:" + server.port();
    }

    @Override
    public String hostKeyType() {
        return "ecdsa";
    }

    @Override
    public Set<String> hostFingerprints() {
        return Set.of(KeyLines.fingerprint(server.hostKeyLine()));
    }

    @Override
    public Endpoint admin(Auth auth) {
        return new Endpoint("mina", server.address(), server.port(), System.getProperty("user.name"), auth, Sudo.none(), null);
    }

    @Override
    public Endpoint passwordLogin(Secret pw) {
        return new Endpoint("mina", server.address(), server.port(), "contract", new Auth.Password(pw), Sudo.none(), null);
    }

    @Override
    public String loginPassword() {
        return password;
    }

    @Override
    public String workDir() {
        return workDir.toString();
    }

    @Override
    public long logins() {
        return server.logins();
    }

    @Override
    public void close() {
        server.close();
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files left behind are harmless
        }
    }
}
