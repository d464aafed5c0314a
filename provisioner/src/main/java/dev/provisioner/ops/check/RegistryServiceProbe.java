package dev.provisioner.ops.check;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;

import java.time.Duration;
import java.util.List;

import static dev.provisioner.ops.check.ProbeScripts.q;

/** The registry's unit (docker-registry or docker-distribution) is active on the registry host. */
final class RegistryServiceProbe extends SingleHostProbe {
    static final String NAME = "registry-service";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Host> runsOn(Inventory inventory) {
        return inventory.view().registryHost().stream().toList();
    }

    @Override
    public String describe(Inventory inventory, Host host) {
        return "systemctl is-active " + String.join("|", ProbeTargets.REGISTRY_UNITS);
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public String script(Inventory inventory, Host host) {
        StringBuilder b = new StringBuilder("unit=\n");
        for (String u : ProbeTargets.REGISTRY_UNITS) {
            b.append("[ -z \"$unit\" ] && unit_exists ").append(u).append(" && unit=").append(u).append('\n');
        }
        return b.append("[ -n \"$unit\" ] || notinstalled ")
                .append(q("no registry unit (" + String.join(" or ", ProbeTargets.REGISTRY_UNITS) + ") on " + host.name())).append('\n')
                .append("require_active \"$unit\"\necho \"$unit is active\"\n").toString();
    }
}
