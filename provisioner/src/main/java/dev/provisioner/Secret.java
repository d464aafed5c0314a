package dev.provisioner;

import java.util.Objects;

/**
 * A secret value (password, passphrase). Its {@link #toString()} never shows the value, so it can
 * travel through records, logs and exception messages without leaking.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The clear value; call only where it is handed to the remote side (stdin, SSH auth). */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "******";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
