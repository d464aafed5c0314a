package dev.provisioner.transport.jsch;

import dev.provisioner.testsupport.MinaSshServer;
import dev.provisioner.testsupport.TestKeys;
import dev.provisioner.transport.Auth;
import dev.provisioner.transport.AuthenticationException;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.Endpoint;
import dev.provisioner.transport.HostKeyException;
import dev.provisioner.transport.HostKeyPolicy;
import dev.provisioner.transport.Sudo;
import dev.provisioner.transport.TransportOptions;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the shared contract cannot show on MINA alone: a bastion hop between two embedded servers
 * (host keys checked on both), concurrent accept-new connections, and a missing passphrase.
 */
class JschBackendTest {
    @TempDir
    static Path dir;
    static TestKeys keys;
    static MinaSshServer bastion;
    static MinaSshServer target;

    @BeforeAll
    static void start() throws Exception {
        keys = TestKeys.generate(dir.resolve("keys"));
        bastion = MinaSshServer.start(keys, "pw-bastion", MinaSshServer.newHostKey(), Files.createDirectories(dir.resolve("b")));
        target = MinaSshServer.start(keys, "pw-target", MinaSshServer.newHostKey(), Files.createDirectories(dir.resolve("t")));
    }

    @AfterAll
    static void stop() {
        if (bastion != null) {
            bastion.close();
        }
        if (target != null) {
            target.close();
        }
    }

    private static Endpoint endpoint(String name, MinaSshServer server, Auth auth) {
        return new Endpoint(name, server.address(), server.port(), System.getProperty("user.name"), auth, Sudo.none(), null);
    }

    private static Auth key() {
        return Auth.PrivateKey.of(keys.ed25519());
    }

    private static TransportOptions options(String knownHosts, HostKeyPolicy policy) throws Exception {
        Path file = Files.createTempFile(dir, "known_hosts", "");
        Files.writeString(file, knownHosts);
        return TransportOptions.of(file, policy).withRetry(1, null);
    }

    @Test
    void bastionHopWithHostKeysCheckedOnBothHops() throws Exception {
        Endpoint hop = endpoint("bastion", bastion, key());
        Endpoint ep = endpoint("target", target, new Auth.Password(dev.provisioner.Secret.of("pw-target"))).withBastion(hop);
        try (Connection c = new JschTransport(options(bastion.knownHostsLine() + target.knownHostsLine(),
                HostKeyPolicy.STRICT)).connect(ep)) {
            assertThat(c.run(Command.of("echo", "through")).stdout()).isEqualTo("through\n");
            assertThat(c.hostKeyFingerprint()).isEqualTo(fingerprint(target));
        }
        assertThatThrownBy(() -> new JschTransport(options(bastion.knownHostsLine(), HostKeyPolicy.STRICT)).connect(ep))
                .isInstanceOfSatisfying(HostKeyException.class, e -> assertThat(e.host()).isEqualTo("target"));
        assertThatThrownBy(() -> new JschTransport(options(target.knownHostsLine(), HostKeyPolicy.STRICT)).connect(ep))
                .isInstanceOfSatisfying(HostKeyException.class, e -> assertThat(e.host()).isEqualTo("bastion"));
    }

    @Test
    void concurrentAcceptNewConnectionsRecordTheHostOnce() throws Exception {
        TransportOptions options = options("", HostKeyPolicy.ACCEPT_NEW);
        JschTransport transport = new JschTransport(options);
        List<CompletableFuture<String>> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(CompletableFuture.supplyAsync(() -> {
                try (Connection c = transport.connect(endpoint("t", target, key()))) {
                    return c.run(Command.of("echo", "ok")).stdout();
                }
            }));
        }
        assertThat(all.stream().map(CompletableFuture::join)).containsOnly("ok\n");
        assertThat(Files.readString(options.knownHosts())).isEqualTo(target.knownHostsLine());
    }

    @Test
    void aPassphraseProtectedKeyWithoutPassphraseIsRefusedClearly() throws Exception {
        assertThatThrownBy(() -> new JschTransport(options(target.knownHostsLine(), HostKeyPolicy.STRICT))
                .connect(endpoint("t", target, Auth.PrivateKey.of(keys.ecdsa()))))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining(keys.ecdsa().toString()).hasMessageContaining("passphrase");
    }

    private static String fingerprint(MinaSshServer server) {
        return HostKeys.fingerprint(java.util.Base64.getDecoder().decode(server.hostKeyLine().split(" ")[1]));
    }
}
