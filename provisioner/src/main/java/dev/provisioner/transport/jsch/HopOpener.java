package dev.provisioner.transport.jsch;

import com.jcraft.jsch.Identity;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;

import dev.provisioner.transport.Auth;
import dev.provisioner.transport.AuthenticationException;
import dev.provisioner.transport.Endpoint;
import dev.provisioner.transport.TransportException;
import dev.provisioner.transport.TransportOptions;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Opens one authenticated JSch session to one hop (a target or a bastion), optionally through a
 * proxy. One {@link JSch} instance per session keeps identities and logging local to it.
 */
final class HopOpener {
    /** Modern host-key algorithms; JSch moves the types known_hosts holds for the host to the front. */
    private static final String HOST_KEY_ALGORITHMS = "ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,"
            + "ecdsa-sha2-nistp521,rsa-sha2-512,rsa-sha2-256";
    private static final int KEEPALIVE_COUNT_MAX = 3;

    private final TransportOptions options;
    private final KnownHostsFile knownHosts;

    HopOpener(TransportOptions options, KnownHostsFile knownHosts) {
        this.options = options;
        this.knownHosts = knownHosts;
    }

    /** A connected session and the gate that checked its host key. */
    record Hop(Session session, HostKeyGate gate) {
    }

    Hop open(Endpoint hop, Proxy proxy) {
        JSch jsch = new JSch();
        jsch.setInstanceLogger(new JschLog(options.masker()));
        if (hop.auth() instanceof Auth.PrivateKey key) {
            KeyFileCheck.requirePrivate(hop.name(), key.keyFile());
            addIdentity(jsch, hop, key);
        }
        HostKeyGate gate = new HostKeyGate(hop.name(), hop.knownHostsName(), options.hostKeyPolicy(), knownHosts,
                options.masker());
        Session session;
        try {
            session = jsch.getSession(hop.user(), hop.address(), hop.port());
            configure(session, hop, gate);
            if (proxy != null) {
                session.setProxy(proxy);
            }
        } catch (JSchException e) {
            throw new TransportException(hop.name(), options.masker().mask("cannot set up SSH session: " + e.getMessage()), e);
        }
        try {
            session.connect(millis(options.connectTimeout().toMillis()));
            return new Hop(session, gate);
        } catch (JSchException e) {
            session.disconnect();
            throw ConnectFailures.classify(hop, e, gate, options.masker());
        }
    }

    private void configure(Session session, Endpoint hop, HostKeyGate gate) throws JSchException {
        session.setHostKeyRepository(gate);
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("HashKnownHosts", "no");
        session.setConfig("server_host_key", HOST_KEY_ALGORITHMS);
        session.setConfig("prefer_known_host_key_types", "yes");
        session.setDaemonThread(true);
        session.setServerAliveInterval(millis(options.keepAlive().toMillis()));
        session.setServerAliveCountMax(KEEPALIVE_COUNT_MAX);
        if (hop.auth() instanceof Auth.Password password) {
            session.setConfig("PreferredAuthentications", "password,keyboard-interactive");
            session.setUserInfo(new PasswordPrompts(password.password().reveal()));
        } else {
            session.setConfig("PreferredAuthentications", "publickey");
        }
    }

    private void addIdentity(JSch jsch, Endpoint hop, Auth.PrivateKey key) {
        String file = key.keyFile().toString();
        byte[] passphrase = key.passphrase() == null ? null
                : key.passphrase().reveal().getBytes(StandardCharsets.UTF_8);
        try {
            jsch.addIdentity(file, passphrase);
            List<Identity> ids = jsch.getIdentityRepository().getIdentities();
            if (!ids.isEmpty() && ids.get(0).isEncrypted()) {
                throw new AuthenticationException(hop.name(), "private key file " + file + (passphrase == null
                        ? " is passphrase-protected and no passphrase is configured"
                        : ": the passphrase does not decrypt it"));
            }
        } catch (JSchException e) {
            throw new AuthenticationException(hop.name(), options.masker().mask("cannot load private key file "
                    + file + ": " + e.getMessage()), e);
        }
    }

    private static int millis(long ms) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, ms));
    }
}
