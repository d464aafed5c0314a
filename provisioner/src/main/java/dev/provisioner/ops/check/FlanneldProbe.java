package dev.provisioner.ops.check;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;

import java.time.Duration;
import java.util.List;

import static dev.provisioner.ops.check.ProbeScripts.q;

/** flanneld is active on every flannel host and has written its subnet file. */
final class FlanneldProbe extends SingleHostProbe {
    static final String NAME = "flanneld";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Host> runsOn(Inventory inventory) {
        return inventory.view().flannelHosts();
    }

    @Override
    public String describe(Inventory inventory, Host host) {
        return "systemctl is-active " + ProbeTargets.FLANNELD_UNIT + ", " + ProbeTargets.FLANNEL_SUBNET_FILE;
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public String script(Inventory inventory, Host host) {
        String file = q(ProbeTargets.FLANNEL_SUBNET_FILE);
        return "unit_exists " + ProbeTargets.FLANNELD_UNIT + " || notinstalled " + q("no " + ProbeTargets.FLANNELD_UNIT + " on " + host.name()) + "\n"
                + "require_active " + ProbeTargets.FLANNELD_UNIT + "\n"
                + "[ -r " + file + " ] || fail " + q(ProbeTargets.FLANNELD_UNIT + " is active but " + ProbeTargets.FLANNEL_SUBNET_FILE + " is missing") + "\n"
                + "sed -n 's/^FLANNEL_SUBNET=//p' " + file + " | head -n 1 | sed 's/^/subnet=/'\n";
    }

    @Override
    String okDetail(Inventory inventory, Host host, ProbeOutput output) {
        return ProbeTargets.FLANNELD_UNIT + " active, FLANNEL_SUBNET=" + output.value("subnet").orElse("?");
    }
}
