package dev.provisioner.cli;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code --limit}: host names and role names (master, node, registry, etcd), the same on every command. */
final class LimitOption {
    @Option(names = "--limit", split = ",", paramLabel = "HOSTS|ROLES",
            description = "work only on these hosts: host names or roles (master, node, registry, etcd), comma separated"
                    + " (default: every host)")
    List<String> words = new ArrayList<>();

    /** Whether --limit was given. */
    boolean given() {
        return !words.isEmpty();
    }

    /**
     * The selected hosts in inventory order (every host without --limit).
     *
     * @throws InvalidInputException (exit 2) naming every word that is neither a host nor a role
     */
    List<Host> hosts(Inventory inv) {
        try {
            return HostSelection.select(inv, words);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /**
     * For the library's {@code limitHosts}: role names replaced by their hosts, other words kept as given
     * (so the library names an unknown one together with every other problem of the setup); empty without --limit.
     */
    List<String> names(Inventory inv) {
        return HostSelection.expandRoles(inv, words);
    }
}
