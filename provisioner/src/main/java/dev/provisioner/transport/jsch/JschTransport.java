package dev.provisioner.transport.jsch;

import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;

import dev.provisioner.transport.Auth;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.ConnectRetry;
import dev.provisioner.transport.Endpoint;
import dev.provisioner.transport.Sudo;
import dev.provisioner.transport.Transport;
import dev.provisioner.transport.TransportKind;
import dev.provisioner.transport.TransportOptions;


import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The JSch backend ({@code com.github.mwiede:jsch}). Each {@link #connect} opens one SSH session
 * (through the endpoint's bastion chain, each hop host-key checked before authenticating) that the
 * returned {@link Connection} reuses for every command and upload. Connection failures are retried
 * by the shared {@link ConnectRetry} policy; host-key and authentication failures never are.
 *
 * <pre>{@code
 * Transport jsch = new JschTransport(TransportOptions.of(knownHosts, HostKeyPolicy.STRICT));
 * try (Connection c = jsch.connect(endpoint)) {
 *     c.run(Command.of("uname", "-r")).orThrow().stdout();
 * }
 * }</pre>
 */
public final class JschTransport implements Transport {
    private final TransportOptions options;
    private final HopOpener opener;
    private final ConnectRetry retry;

    public JschTransport(TransportOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.opener = new HopOpener(options, new KnownHostsFile(options.knownHosts()));
        this.retry = ConnectRetry.of(options);
    }

    @Override
    public Connection connect(Endpoint endpoint) {
        registerSecrets(endpoint);
        return retry.connect(endpoint.name(), () -> open(endpoint));
    }

    private Connection open(Endpoint endpoint) {
        List<Session> sessions = new ArrayList<>();
        try {
            HopOpener.Hop target = openChain(endpoint, sessions);
            return new JschConnection(endpoint, sessions, HostKeys.fingerprint(target.gate().presented()), options);
        } catch (RuntimeException e) {
            for (int i = sessions.size() - 1; i >= 0; i--) {
                sessions.get(i).disconnect();
            }
            throw e;
        }
    }

    /** Opens the bastion chain outermost first, adding each session to {@code sessions}; returns the last hop. */
    private HopOpener.Hop openChain(Endpoint hop, List<Session> sessions) {
        Proxy proxy = null;
        if (hop.bastion() != null) {
            proxy = new BastionProxy(openChain(hop.bastion(), sessions).session());
        }
        HopOpener.Hop opened = opener.open(hop, proxy);
        sessions.add(opened.session());
        return opened;
    }

    private void registerSecrets(Endpoint endpoint) {
        for (Endpoint e = endpoint; e != null; e = e.bastion()) {
            if (e.auth() instanceof Auth.Password p) {
                options.masker().register(p.password());
            } else if (e.auth() instanceof Auth.PrivateKey k) {
                options.masker().register(k.passphrase());
            }
            if (e.sudo() instanceof Sudo.WithPassword s) {
                options.masker().register(s.password());
            }
        }
    }

    @Override
    public TransportKind kind() {
        return TransportKind.JSCH;
    }
}
