package dev.provisioner.connect;

import dev.provisioner.inventory.Bastion;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.HostAuth;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.SudoMode;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules for accepting any host key, which only a command-line flag (or an embedder's explicit call)
 * may ask for, never an inventory: every host and bastion must authenticate with a key and no host may
 * use a sudo password, because a man in the middle would be handed every password sent.
 */
public final class InsecureHostKeys {
    private InsecureHostKeys() {
    }

    /** Every reason {@code inventory} may not run with host-key checking off; empty when it may. */
    public static List<String> problems(Inventory inventory) {
        List<String> out = new ArrayList<>();
        for (Host h : inventory.hosts()) {
            if (h.auth() instanceof HostAuth.Password) {
                out.add(h.name() + ": password authentication with any host key accepted would hand the password to whoever answers;"
                        + " use key authentication or check host keys (strict / accept-new)");
            }
            if (h.sudo() == SudoMode.PASSWORD) {
                out.add(h.name() + ": a sudo password with any host key accepted would hand it to whoever answers;"
                        + " use passwordless sudo or check host keys (strict / accept-new)");
            }
            if (h.bastion().map(Bastion::auth).filter(a -> a instanceof HostAuth.Password).isPresent()) {
                out.add(h.name() + ": the bastion uses password authentication; use key authentication or check host keys");
            }
        }
        return out;
    }
}
