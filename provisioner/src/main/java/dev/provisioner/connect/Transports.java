package dev.provisioner.connect;

import dev.provisioner.transport.Transport;
import dev.provisioner.transport.TransportKind;
import dev.provisioner.transport.TransportOptions;
import dev.provisioner.transport.jsch.JschTransport;
import dev.provisioner.transport.sshj.SshjTransport;
import dev.provisioner.transport.sshj.SshjWarmUp;

/** Creates the transport of a given kind. */
public final class Transports {
    private Transports() {
    }

    public static Transport create(TransportKind kind, TransportOptions options) {
        return switch (kind) {
            case SSHJ -> new SshjTransport(options);
            case JSCH -> new JschTransport(options);
        };
    }

    /**
     * Loads and first runs, on a daemon thread, the cryptography a connection of {@code kind} will need, so a fresh
     * JVM's first connection finds it ready; no network, no file (sshj: {@link SshjWarmUp}; JSch: nothing, its
     * classes are few and its crypto the JDK's).
     */
    public static void warmUpInBackground(TransportKind kind) {
        if (kind != TransportKind.SSHJ) {
            return;
        }
        Thread t = new Thread(SshjWarmUp::run, "provisioner-ssh-warm-up");
        t.setDaemon(true);
        t.start();
    }
}
