package dev.provisioner.testsupport;

import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.KeySetPublickeyAuthenticator;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An embedded Apache MINA SSHD server on 127.0.0.1 and a free port, for fast transport tests
 * without Docker: exec runs {@code /bin/sh -c} as the JVM's user in a working directory, SFTP
 * works on the real file system, password and public-key auth are on, and forwarding is allowed
 * (so it can serve as a bastion). Commands run as the JVM user whatever the login name is.
 *
 * <pre>{@code
 * try (MinaSshServer server = MinaSshServer.start(keys, "secret", MinaSshServer.newHostKey(), workDir)) { ... }
 * }</pre>
 */
public final class MinaSshServer implements AutoCloseable {
    private final SshServer server;
    private final KeyPair hostKey;
    private final AtomicLong logins;

    private MinaSshServer(SshServer server, KeyPair hostKey, AtomicLong logins) {
        this.server = server;
        this.hostKey = hostKey;
        this.logins = logins;
    }

    /** Starts a server accepting the given client keys and, for any user name, {@code password}. */
    public static MinaSshServer start(TestKeys keys, String password, KeyPair hostKey, Path workDir) {
        AtomicLong logins = new AtomicLong();
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        List<PublicKey> accepted = authorizedKeys(keys);
        KeySetPublickeyAuthenticator byKey = new KeySetPublickeyAuthenticator("contract", accepted);
        sshd.setPublickeyAuthenticator((user, key, session) -> count(logins, byKey.authenticate(user, key, session)));
        sshd.setPasswordAuthenticator((user, pw, session) -> count(logins, password.equals(pw)));
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setCommandFactory((channel, command) -> new ShellCommand(command, workDir));
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sshd.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        try {
            sshd.start();
        } catch (IOException e) {
            throw new IllegalStateException("embedded sshd did not start", e);
        }
        return new MinaSshServer(sshd, hostKey, logins);
    }

    /** A fresh ECDSA P-256 host key. */
    public static KeyPair newHostKey() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(256);
            return gen.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean count(AtomicLong logins, boolean ok) {
        if (ok) {
            logins.incrementAndGet();
        }
        return ok;
    }

    private static List<PublicKey> authorizedKeys(TestKeys keys) {
        List<PublicKey> out = new ArrayList<>();
        try {
            Path file = Files.createTempFile("authorized_keys", "");
            Files.writeString(file, keys.authorizedKeys());
            for (AuthorizedKeyEntry e : AuthorizedKeyEntry.readAuthorizedKeys(file)) {
                out.add(e.resolvePublicKey(null, PublicKeyEntryResolver.IGNORING));
            }
            Files.delete(file);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read test keys", e);
        }
        return out;
    }

    public String address() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getPort();
    }

    /** The host's public key as {@code type base64}. */
    public String hostKeyLine() {
        return PublicKeyEntry.toString(hostKey.getPublic());
    }

    /** A known_hosts line for this server ({@code [127.0.0.1]:port type base64}). */
    public String knownHostsLine() {
        return "[" + address() + "]:" + port() + " " + hostKeyLine() + "\n";
    }

    /** How many logins succeeded so far (to prove a refused connection never authenticated). */
    public long logins() {
        return logins.get();
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException ignored) {
            // stopping a test server
        }
    }
}
