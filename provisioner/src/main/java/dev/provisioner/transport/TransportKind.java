package dev.provisioner.transport;

import java.util.Locale;

/** The SSH libraries that can carry a run. */
public enum TransportKind {
    SSHJ, JSCH;

    /** Parses {@code sshj} or {@code jsch}, ignoring case. */
    public static TransportKind parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
