package dev.provisioner.ops.check;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;

import java.time.Duration;
import java.util.List;

import static dev.provisioner.ops.check.ProbeScripts.q;

/** The CoreDNS add-on's Deployment has all its replicas ready. */
final class CoreDnsProbe implements Probe {
    static final String NAME = "coredns";
    private static final String WHAT = "deployment " + ProbeTargets.COREDNS_NAMESPACE + "/" + ProbeTargets.COREDNS_DEPLOYMENT;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Host> runsOn(Inventory inventory) {
        return List.of(inventory.view().firstMaster());
    }

    @Override
    public String describe(Inventory inventory, Host host) {
        return "kubectl get " + WHAT + " on " + host.name();
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(15);
    }

    @Override
    public String script(Inventory inventory, Host host) {
        return Kubectl.prelude(host)
                + "out=$(k -n " + q(ProbeTargets.COREDNS_NAMESPACE) + " get deployment " + q(ProbeTargets.COREDNS_DEPLOYMENT)
                + " -o jsonpath='{.status.readyReplicas}/{.spec.replicas}' 2>&1) || {\n"
                + "  case \"$out\" in *NotFound*|*\"not found\"*) notinstalled " + q("CoreDNS add-on: " + WHAT + " not found") + ";; esac\n"
                + "  fail \"$out\"\n}\n"
                + "echo \"ready=$out\"\n";
    }

    @Override
    public List<ProbeResult> parse(Inventory inventory, Host host, ProbeOutput output) {
        String ready = output.value("ready").orElse("");
        String[] parts = ready.split("/", -1);
        if (output.ok() && parts.length == 2 && !parts[1].isEmpty() && !parts[1].equals("0") && parts[0].equals(parts[1])) {
            return List.of(ProbeResult.ok(NAME, host.name(), WHAT + ": " + ready + " replicas ready"));
        }
        String why = output.ok() ? WHAT + ": " + (parts.length == 2 ? (parts[0].isEmpty() ? "0" : parts[0]) + "/" + parts[1] : ready)
                + " replicas ready" : output.tail(2) + " (" + describe(inventory, host) + ")";
        return List.of(ProbeResult.failed(NAME, host.name(), why));
    }
}
