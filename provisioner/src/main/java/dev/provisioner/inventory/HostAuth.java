package dev.provisioner.inventory;

import dev.provisioner.Secret;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** How SSH authenticates to a host or bastion: a private key file or a password. */
public sealed interface HostAuth {

    /**
     * A private key file on the controller.
     *
     * @param keyFile    absolute path (relative paths in the file were resolved against its folder)
     * @param passphrase the key's passphrase, if it has one
     */
    record KeyFile(Path keyFile, Optional<Secret> passphrase) implements HostAuth {
        public KeyFile {
            Objects.requireNonNull(keyFile, "keyFile");
            passphrase = passphrase == null ? Optional.empty() : passphrase;
        }
    }

    /** Password authentication. */
    record Password(Secret password) implements HostAuth {
        public Password {
            Objects.requireNonNull(password, "password");
        }
    }
}
