package dev.provisioner.transport;

import dev.provisioner.Secret;
import dev.provisioner.testsupport.TestKeys;

import java.nio.file.Path;
import java.util.Set;

/**
 * An SSH server (or a small group of them) that {@link TransportContract} runs against: the
 * embedded MINA server or real OpenSSH lab hosts. Methods for features a kind of server cannot
 * offer throw; the contract asks {@link #supports} first.
 */
public interface ContractServer extends AutoCloseable {

    /** Features only some servers have. */
    enum Capability {
        /** Real sudo with a NOPASSWD user and a password user ({@link #sudoWithPassword}, {@link #sudoPasswordless}). */
        REAL_SUDO,
        /** A second host that refuses direct SSH and is reachable only through the first one. */
        ISOLATED_TARGET_BEHIND_BASTION
    }

    boolean supports(Capability capability);

    /** Client keys the server accepts (ed25519, passphrase-protected ecdsa, rsa). */
    TestKeys keys();

    /** A known_hosts file with correct entries for every host of this server; copy it before changing it. */
    Path knownHosts();

    /** The name of the main host in known_hosts ({@code addr} or {@code [addr]:port}). */
    String knownHostsName();

    /** The {@code ssh-keygen -t} type of the main host's preferred host key ({@code ed25519}, {@code ecdsa}). */
    String hostKeyType();

    /** SHA-256 fingerprints ({@code SHA256:...}) of every host key of the main host. */
    Set<String> hostFingerprints();

    /** A user with full rights on the main host (root on a lab host, the JVM's user on MINA), no sudo. */
    Endpoint admin(Auth auth);

    default Endpoint admin() {
        return admin(Auth.PrivateKey.of(keys().ed25519()));
    }

    /** A login with the given password (which is right when it equals {@link #loginPassword()}). */
    Endpoint passwordLogin(Secret password);

    String loginPassword();

    /** A directory on the main host the admin may write to; tests use unique names below it. */
    String workDir();

    /** Successful logins so far on the main host, to prove a refused connection never authenticated. */
    long logins();

    /** A non-root user whose sudo asks for {@link #sudoPassword()}, configured with {@code password}. */
    default Endpoint sudoWithPassword(Secret password) {
        throw new UnsupportedOperationException("no real sudo here");
    }

    /** A non-root user with NOPASSWD sudo. */
    default Endpoint sudoPasswordless() {
        throw new UnsupportedOperationException("no real sudo here");
    }

    default String sudoPassword() {
        throw new UnsupportedOperationException("no real sudo here");
    }

    /** The isolated host, addressed directly (which it refuses). */
    default Endpoint isolatedDirect() {
        throw new UnsupportedOperationException("no isolated host here");
    }

    /** The isolated host through the main host as bastion. */
    default Endpoint isolatedViaBastion() {
        throw new UnsupportedOperationException("no isolated host here");
    }

    /** The inventory name of the isolated host's bastion and of the isolated host itself. */
    default String[] bastionAndIsolatedNames() {
        throw new UnsupportedOperationException("no isolated host here");
    }

    /** Lines for known_hosts naming only one host of the pair (bastion or isolated). */
    default String knownHostsLinesOf(String hostName) {
        throw new UnsupportedOperationException("no isolated host here");
    }

    @Override
    void close();
}
