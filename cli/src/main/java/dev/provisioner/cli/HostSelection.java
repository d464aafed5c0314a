package dev.provisioner.cli;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code --limit}: host names, or role names for every host with that role; inventory order. */
final class HostSelection {
    private HostSelection() {
    }

    /**
     * @throws IllegalArgumentException for a word that is neither a host nor a role, listing both
     */
    static List<Host> select(Inventory inv, List<String> words) {
        if (words.isEmpty()) {
            return inv.hosts();
        }
        Set<String> chosen = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String w : words) {
            String word = w.strip();
            if (inv.host(word).isPresent()) {
                chosen.add(word);
                continue;
            }
            Role role = role(word);
            if (role == null) {
                unknown.add(word);
            } else if (role == Role.ETCD) {
                inv.view().etcdMembers().forEach(h -> chosen.add(h.name()));
            } else {
                inv.hosts().stream().filter(h -> h.hasRole(role)).forEach(h -> chosen.add(h.name()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("limit: no host or role " + unknown + " (hosts: "
                    + inv.hosts().stream().map(Host::name).toList() + "; roles: master, node, registry, etcd)");
        }
        List<Host> out = inv.hosts().stream().filter(h -> chosen.contains(h.name())).toList();
        if (out.isEmpty()) {
            throw new IllegalArgumentException("limit: " + words + " selects no host");
        }
        return out;
    }

    /** {@code words} with every role name replaced by the names of its hosts; other words unchanged, no repeats. */
    static List<String> expandRoles(Inventory inv, List<String> words) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : words) {
            String word = w.strip();
            Role role = inv.host(word).isPresent() ? null : role(word);
            if (role == Role.ETCD) {
                inv.view().etcdMembers().forEach(h -> out.add(h.name()));
            } else if (role != null) {
                inv.hosts().stream().filter(h -> h.hasRole(role)).forEach(h -> out.add(h.name()));
            } else {
                out.add(word);
            }
        }
        return List.copyOf(out);
    }

    private static Role role(String word) {
        for (Role r : Role.values()) {
            if (r.name().toLowerCase(Locale.ROOT).equals(word)) {
                return r;
            }
        }
        return null;
    }
}
