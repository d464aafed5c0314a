package dev.provisioner.connect;

import dev.provisioner.inventory.Bastion;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.HostAuth;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.transport.Auth;
import dev.provisioner.transport.Endpoint;
import dev.provisioner.transport.SecretMasker;
import dev.provisioner.transport.Sudo;

/** Maps inventory hosts to transport endpoints, and registers every inventory secret for masking. */
public final class Endpoints {
    private Endpoints() {
    }

    /** The SSH endpoint of {@code host}, through its bastion when it has one. */
    public static Endpoint of(Host host) {
        Sudo sudo = switch (host.sudo()) {
            case NONE -> Sudo.none();
            case PASSWORDLESS -> Sudo.passwordless();
            case PASSWORD -> Sudo.withPassword(host.sudoPassword().orElseThrow(
                    () -> new IllegalStateException(host.name() + ": sudo mode password without a sudo password")));
        };
        Endpoint e = new Endpoint(host.name(), host.address(), host.port(), host.user(), auth(host.auth()), sudo, null);
        return host.bastion().map(b -> e.withBastion(bastion(host, b))).orElse(e);
    }

    private static Endpoint bastion(Host host, Bastion b) {
        return new Endpoint(host.name() + "-bastion", b.address(), b.port(), b.user(), auth(b.auth()), Sudo.none(), null);
    }

    static Auth auth(HostAuth auth) {
        if (auth instanceof HostAuth.KeyFile key) {
            return new Auth.PrivateKey(key.keyFile(), key.passphrase().orElse(null));
        }
        return new Auth.Password(((HostAuth.Password) auth).password());
    }

    /** Registers every secret of the inventory (passwords, passphrases, registry auth) with {@code masker}. */
    public static void registerSecrets(Inventory inventory, SecretMasker masker) {
        for (Host h : inventory.hosts()) {
            h.sudoPassword().ifPresent(masker::register);
            register(h.auth(), masker);
            h.bastion().ifPresent(b -> register(b.auth(), masker));
        }
        inventory.cluster().registry().auth().ifPresent(a -> masker.register(a.password()));
    }

    private static void register(HostAuth auth, SecretMasker masker) {
        if (auth instanceof HostAuth.KeyFile key) {
            key.passphrase().ifPresent(masker::register);
        } else if (auth instanceof HostAuth.Password pw) {
            masker.register(pw.password());
        }
    }
}
