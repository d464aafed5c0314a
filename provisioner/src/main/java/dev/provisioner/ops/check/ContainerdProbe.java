package dev.provisioner.ops.check;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.provisioner.ops.check.ProbeScripts.q;

/** containerd is active on every node and answers {@code ctr version} (client and server). */
final class ContainerdProbe extends SingleHostProbe {
    static final String NAME = "containerd";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Host> runsOn(Inventory inventory) {
        return inventory.view().kubeletHosts();
    }

    @Override
    public String describe(Inventory inventory, Host host) {
        return "systemctl is-active " + ProbeTargets.CONTAINERD_UNIT + ", ctr version";
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public String script(Inventory inventory, Host host) {
        return "unit_exists " + ProbeTargets.CONTAINERD_UNIT + " || notinstalled " + q("no " + ProbeTargets.CONTAINERD_UNIT + " on " + host.name()) + "\n"
                + "require_active " + ProbeTargets.CONTAINERD_UNIT + "\n"
                + "have ctr || fail " + q("ctr not found on " + host.name()) + "\n"
                + "ctr version\n";
    }

    @Override
    String okDetail(Inventory inventory, Host host, ProbeOutput output) {
        List<String> versions = new ArrayList<>();
        for (String line : output.lines()) {
            if (line.startsWith("Version:")) {
                versions.add(line.substring("Version:".length()).strip());
            }
        }
        String v = versions.size() >= 2 ? "client " + versions.get(0) + ", server " + versions.get(1)
                : versions.isEmpty() ? "no version printed" : versions.get(0);
        return ProbeTargets.CONTAINERD_UNIT + " active; ctr version: " + v;
    }
}
