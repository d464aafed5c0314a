package dev.provisioner.connect;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.SshSettings;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.Endpoint;
import dev.provisioner.transport.HostKeyPolicy;
import dev.provisioner.transport.SecretMasker;
import dev.provisioner.transport.Transport;
import dev.provisioner.transport.TransportKind;
import dev.provisioner.transport.TransportOptions;
import dev.provisioner.connect.Transports;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link ConnectionFactory}: SSH with the transport kind of the builder, else of the
 * host's override, else of the cluster; host-key checking and timeouts from the inventory. One
 * transport per (kind, connect timeout), created on first use; per run, never shared between runs.
 */
public final class SshConnections implements ConnectionFactory {
    private final SshSettings ssh;
    private final HostKeyPolicy policy;
    private final Optional<TransportKind> override;
    private final SecretMasker masker;
    private final Map<String, Transport> transports = new ConcurrentHashMap<>();

    public SshConnections(Inventory inventory, Optional<TransportKind> override, SecretMasker masker) {
        this(inventory, override, masker, false);
    }

    /**
     * @param acceptAnyHostKey accept any host key (a command-line flag, never the inventory); refused with
     *                         {@link IllegalArgumentException} when a host uses a password or sudo password
     *                         ({@link InsecureHostKeys#problems})
     */
    public SshConnections(Inventory inventory, Optional<TransportKind> override, SecretMasker masker, boolean acceptAnyHostKey) {
        if (acceptAnyHostKey && !InsecureHostKeys.problems(inventory).isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", InsecureHostKeys.problems(inventory)));
        }
        this.ssh = inventory.cluster().ssh();
        this.policy = acceptAnyHostKey ? HostKeyPolicy.INSECURE_ACCEPT_ANY : HostKeyPolicy.valueOf(ssh.hostKeyPolicy().name());
        this.override = override;
        this.masker = masker;
    }

    @Override
    public Connection open(Host host, Endpoint endpoint) {
        TransportKind kind = override.orElseGet(() -> TransportKind.valueOf(
                host.overrides().transport().orElse(ssh.transport()).name()));
        Duration timeout = host.overrides().connectTimeout().orElse(ssh.connectTimeout());
        Transport t = transports.computeIfAbsent(kind + "/" + timeout.toMillis(), k -> Transports.create(kind,
                new TransportOptions(ssh.knownHosts(), policy, timeout,
                        null, 3, null, masker)));
        return t.connect(endpoint);
    }
}
