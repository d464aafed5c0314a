package dev.provisioner.transport;

import dev.provisioner.Secret;

import java.nio.file.Path;
import java.util.Objects;

/** How a connection authenticates: a private key file (optionally passphrase-protected) or a password. */
public sealed interface Auth {

    /** A private key in OpenSSH or PEM format; ed25519, ecdsa and rsa are supported. */
    record PrivateKey(Path keyFile, Secret passphrase) implements Auth {
        public PrivateKey {
            Objects.requireNonNull(keyFile, "keyFile");
        }

        public static PrivateKey of(Path keyFile) {
            return new PrivateKey(keyFile, null);
        }
    }

    record Password(Secret password) implements Auth {
        public Password {
            Objects.requireNonNull(password, "password");
        }
    }
}
