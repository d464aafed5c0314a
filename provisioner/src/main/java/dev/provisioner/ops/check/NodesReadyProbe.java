package dev.provisioner.ops.check;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every node is registered and Ready: {@code kubectl get nodes} once, on the first master. */
final class NodesReadyProbe implements Probe {
    static final String NAME = "node-ready";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Host> runsOn(Inventory inventory) {
        return List.of(inventory.view().firstMaster());
    }

    @Override
    public List<Host> about(Inventory inventory, Host host) {
        return inventory.view().kubeletHosts();
    }

    @Override
    public String describe(Inventory inventory, Host host) {
        return "kubectl get nodes on " + host.name();
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(15);
    }

    @Override
    public String script(Inventory inventory, Host host) {
        return Kubectl.prelude(host)
                + "k get nodes -o jsonpath='{range .items[*]}node={.metadata.name} {range .status.conditions[?(@.type==\"Ready\")]}{.status}{end}{\"\\n\"}{end}'\n";
    }

    @Override
    public List<ProbeResult> parse(Inventory inventory, Host host, ProbeOutput output) {
        List<ProbeResult> out = new ArrayList<>();
        Map<String, String> ready = new HashMap<>();
        for (String line : output.lines()) {
            if (line.startsWith("node=")) {
                String[] parts = line.substring(5).split(" ", 2);
                ready.put(parts[0], parts.length > 1 ? parts[1].strip() : "");
            }
        }
        for (Host node : about(inventory, host)) {
            String status = ready.get(node.name());
            if (!output.ok()) {
                out.add(ProbeResult.failed(NAME, node.name(), output.tail(2) + " (" + describe(inventory, host) + ")"));
            } else if (status == null) {
                out.add(ProbeResult.failed(NAME, node.name(), "not registered with the API server (" + describe(inventory, host) + ")"));
            } else if (status.equals("True")) {
                out.add(ProbeResult.ok(NAME, node.name(), "Ready"));
            } else {
                out.add(ProbeResult.failed(NAME, node.name(), "Ready=" + (status.isEmpty() ? "Unknown" : status)));
            }
        }
        return out;
    }
}
