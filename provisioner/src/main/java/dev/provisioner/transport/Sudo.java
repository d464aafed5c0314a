package dev.provisioner.transport;

import dev.provisioner.Secret;

import java.util.Objects;

/** How privileged commands run for the connecting user. */
public sealed interface Sudo {

    /** The user is root (or privileged commands are not needed): commands run as they are. */
    record None() implements Sudo {}

    /** {@code sudo -n}: the user may sudo without a password. */
    record Passwordless() implements Sudo {}

    /** {@code sudo -S}: the password is written to the command's stdin, never to argv or a log. */
    record WithPassword(Secret password) implements Sudo {
        public WithPassword {
            Objects.requireNonNull(password, "password");
        }
    }

    static Sudo none() {
        return new None();
    }

    static Sudo passwordless() {
        return new Passwordless();
    }

    static Sudo withPassword(Secret password) {
        return new WithPassword(password);
    }
}
