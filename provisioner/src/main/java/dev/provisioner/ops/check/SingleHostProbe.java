package dev.provisioner.ops.check;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;

import java.util.List;

/**
 * A probe whose one result is about the host it runs on: exit 0 is healthy (the detail is the last
 * output line, or {@link #okDetail}), anything else failed (the last output lines, then what was probed).
 */
abstract class SingleHostProbe implements Probe {

    @Override
    public List<ProbeResult> parse(Inventory inventory, Host host, ProbeOutput output) {
        if (output.ok()) {
            return List.of(ProbeResult.ok(name(), host.name(), okDetail(inventory, host, output)));
        }
        return List.of(ProbeResult.failed(name(), host.name(),
                output.tail(2) + " (" + describe(inventory, host) + ")"));
    }

    /** The detail of a healthy result (default: the last output line). */
    String okDetail(Inventory inventory, Host host, ProbeOutput output) {
        return output.tail(1);
    }
}
