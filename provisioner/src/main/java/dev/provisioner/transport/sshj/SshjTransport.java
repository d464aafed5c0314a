package dev.provisioner.transport.sshj;

import dev.provisioner.transport.Auth;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.ConnectRetry;
import dev.provisioner.transport.Endpoint;
import dev.provisioner.transport.HostKeyException;
import dev.provisioner.transport.Sudo;
import dev.provisioner.transport.Transport;
import dev.provisioner.transport.TransportKind;
import dev.provisioner.transport.TransportOptions;
import dev.provisioner.transport.UnreachableException;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The default transport, on <a href="https://github.com/hierynomus/sshj">sshj</a>. Each connection
 * is one {@link SSHClient} (plus one per bastion hop). Host keys are checked during key exchange,
 * before any credential is sent; connection failures are retried by the shared {@link ConnectRetry} policy, while
 * host-key and authentication failures never are.
 */
public final class SshjTransport implements Transport {
    private final TransportOptions options;
    private final DefaultConfig config;
    private final KnownHostsStore knownHosts;
    private final ConnectRetry retry;

    public SshjTransport(TransportOptions options) {
        this.options = options;
        this.config = new DefaultConfig();
        this.config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        this.knownHosts = new KnownHostsStore(options.knownHosts());
        this.retry = ConnectRetry.of(options);
    }

    @Override
    public Connection connect(Endpoint endpoint) {
        registerSecrets(endpoint);
        List<SSHClient> chain = new ArrayList<>();
        try {
            Hop target = open(endpoint, chain);
            return new SshjConnection(endpoint, target.client(), chain, target.fingerprint(), options.masker());
        } catch (RuntimeException | Error e) {
            for (int i = chain.size() - 1; i >= 0; i--) {
                closeQuietly(chain.get(i));
            }
            throw e;
        }
    }

    @Override
    public TransportKind kind() {
        return TransportKind.SSHJ;
    }

    private record Hop(SSHClient client, String fingerprint) {
    }

    /** Opens the endpoint's bastions first (recursively), then the endpoint through the last of them. */
    private Hop open(Endpoint endpoint, List<SSHClient> chain) {
        Credentials credentials = Credentials.prepare(endpoint, new SSHClient(config), options.masker());
        Hop via = endpoint.bastion() == null ? null : open(endpoint.bastion(), chain);
        Hop hop = connectWithRetry(endpoint, via);
        chain.add(hop.client());
        credentials.authenticate(hop.client());
        return hop;
    }

    private Hop connectWithRetry(Endpoint endpoint, Hop via) {
        return retry.connect(endpoint.name(), () -> connectOnce(endpoint, via));
    }

    private Hop connectOnce(Endpoint endpoint, Hop via) {
        SSHClient client = newClient();
        HostKeyCheck check = new HostKeyCheck(endpoint, options.hostKeyPolicy(), knownHosts);
        client.addHostKeyVerifier(check);
        try {
            if (via == null) {
                client.connect(endpoint.address(), endpoint.port());
            } else {
                client.connectVia(via.client().newDirectConnection(endpoint.address(), endpoint.port()));
            }
            return new Hop(client, check.presentedFingerprint());
        } catch (IOException e) {
            closeQuietly(client);
            if (check.refusal() != null) {
                throw new HostKeyException(endpoint.name(), options.masker().mask(check.refusal()));
            }
            String route = endpoint.address() + ":" + endpoint.port()
                    + (via == null ? "" : " through bastion " + endpoint.bastion().name());
            throw new UnreachableException(endpoint.name(), options.masker().mask("cannot connect to " + route + ": " + describe(e)), e);
        }
    }

    SSHClient newClient() {
        SSHClient client = new SSHClient(config);
        client.setSocketFactory(new NoDelaySocketFactory());
        int connectMs = (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis());
        client.setConnectTimeout(connectMs);
        client.getTransport().setTimeoutMs(connectMs);
        client.getConnection().getKeepAlive()
                .setKeepAliveInterval((int) Math.max(1, options.keepAlive().toSeconds()));
        return client;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        return cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())
                ? message + " (" + cause.getMessage() + ")" : message;
    }

    private void registerSecrets(Endpoint endpoint) {
        for (Endpoint e = endpoint; e != null; e = e.bastion()) {
            if (e.auth() instanceof Auth.PrivateKey pk) {
                options.masker().register(pk.passphrase());
            } else if (e.auth() instanceof Auth.Password pw) {
                options.masker().register(pw.password());
            }
            if (e.sudo() instanceof Sudo.WithPassword sp) {
                options.masker().register(sp.password());
            }
        }
    }

    static void closeQuietly(SSHClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException ignored) {
            // closing is best effort; the socket is gone either way
        }
    }
}
