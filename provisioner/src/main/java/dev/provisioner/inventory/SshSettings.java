package dev.provisioner.inventory;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the controller connects to hosts.
 *
 * @param transport      SSH library (default sshj)
 * @param knownHosts     known_hosts file (default ~/.ssh/known_hosts)
 * @param hostKeyPolicy  host key checking (default strict)
 * @param parallelism    hosts worked on at once (default 10)
 * @param connectTimeout connect timeout (default 10 seconds)
 */
public record SshSettings(SshTransport transport, Path knownHosts, HostKeyPolicy hostKeyPolicy, int parallelism,
                          Duration connectTimeout) {
    public static final int DEFAULT_PARALLELISM = 10;
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
}
