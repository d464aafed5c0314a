package dev.provisioner.step;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which hosts a phase works on: every host, or the hosts with any of some roles (etcd meaning the
 * effective etcd members). Inventory order is kept.
 *
 * @param roles   the roles; empty means every host
 * @param without hosts with any of these roles are left out (e.g. nodes that are not masters)
 */
public record HostSelector(Set<Role> roles, Set<Role> without) {
    public HostSelector {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        without = without == null || without.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(without));
    }

    public HostSelector(Set<Role> roles) {
        this(roles, Set.of());
    }

    /** These hosts without those that have {@code role}. */
    public HostSelector excluding(Role role) {
        EnumSet<Role> w = EnumSet.of(role);
        w.addAll(without);
        return new HostSelector(roles, w);
    }

    public static HostSelector all() {
        return new HostSelector(Set.of());
    }

    public static HostSelector roles(Role first, Role... more) {
        return new HostSelector(EnumSet.of(first, more));
    }

    public List<Host> select(Inventory inventory) {
        if (roles.isEmpty() && without.isEmpty()) {
            return inventory.hosts();
        }
        Set<Host> chosen = new LinkedHashSet<>();
        for (Host h : inventory.hosts()) {
            if (without.stream().anyMatch(r -> inventory.view().hostsWithRole(r).contains(h))) {
                continue;
            }
            if (roles.isEmpty()) {
                chosen.add(h);
            }
            for (Role r : roles) {
                if (inventory.view().hostsWithRole(r).contains(h)) {
                    chosen.add(h);
                }
            }
        }
        return List.copyOf(chosen);
    }

    @Override
    public String toString() {
        return (roles.isEmpty() ? "all hosts" : "hosts with role " + roles) + (without.isEmpty() ? "" : " but not " + without);
    }
}
