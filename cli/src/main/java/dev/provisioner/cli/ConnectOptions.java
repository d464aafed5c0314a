package dev.provisioner.cli;

import dev.provisioner.api.Transport;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --transport}, {@code --parallel} and {@code --insecure-accept-any-host-key}: how a command that contacts
 * hosts reaches them. Host-key checking can be turned off only here, on the command line, never by an inventory.
 */
final class ConnectOptions {
    @Option(names = "--transport", paramLabel = "sshj|jsch", converter = TransportKindConverter.class,
            description = "SSH library for every host (default: the inventory's)")
    Transport transport;

    @Option(names = "--parallel", paramLabel = "N", description = "hosts worked on at once (default: cluster.ssh.parallelism)")
    int parallel;

    @Option(names = "--insecure-accept-any-host-key",
            description = "accept any SSH host key (throw-away labs only; refused with password or sudo-password hosts)")
    boolean insecureAcceptAnyHostKey;

    /** {@code --parallel}, refused below 0 as invalid input. */
    int parallel() {
        if (parallel < 0) {
            throw new InvalidInputException("--parallel must be at least 1, got " + parallel);
        }
        return parallel;
    }

    /** Parses sshj / jsch. */
    static final class TransportKindConverter implements CommandLine.ITypeConverter<Transport> {
        @Override
        public Transport convert(String value) {
            return Transport.parse(value);
        }
    }
}
