package dev.provisioner.api;

import java.util.Locale;

/**
 * The SSH library that carries a run's connections: {@link #SSHJ} (the default) or {@link #JSCH}.
 *
 * @since 0.1
 */
public enum Transport {
    SSHJ, JSCH;

    /** Parses {@code sshj} or {@code jsch}, ignoring case. */
    public static Transport parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
