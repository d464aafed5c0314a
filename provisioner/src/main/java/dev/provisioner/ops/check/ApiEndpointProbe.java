package dev.provisioner.ops.check;

import dev.provisioner.component.kube.KubeCluster;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.pki.HostPaths;

import java.time.Duration;
import java.util.List;

import static dev.provisioner.ops.check.ProbeScripts.q;

/**
 * The API endpoint as each node that is not a master sees it: {@code GET /readyz} through the node-local
 * load balancer (or {@code cluster.apiEndpoint}), with the node's kubelet client certificate, trusting the
 * cluster CA. Only with several masters or an apiEndpoint: with one master {@code apiserver} says it all.
 */
final class ApiEndpointProbe implements Probe {
    static final String NAME = "api-endpoint";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Host> runsOn(Inventory inventory) {
        if (inventory.view().masters().size() < 2 && inventory.cluster().security().apiEndpoint().isEmpty()) {
            return List.of();
        }
        return inventory.view().kubeletHosts().stream().filter(h -> !h.hasRole(Role.MASTER)).toList();
    }

    static String url(Inventory inventory) {
        return KubeCluster.clusterEndpoint(inventory) + "/readyz";
    }

    @Override
    public String describe(Inventory inventory, Host host) {
        return "GET " + url(inventory) + " on " + host.name() + " as its kubelet";
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public String script(Inventory inventory, Host host) {
        return ProbeScripts.requireFiles(HostPaths.CA_CERT, HostPaths.KUBELET_CLIENT_CERT, HostPaths.KUBELET_CLIENT_KEY)
                + "have curl || fail " + q("curl not found on " + host.name()) + "\n"
                + HttpsGet.script(HostPaths.CA_CERT, HostPaths.KUBELET_CLIENT_CERT, HostPaths.KUBELET_CLIENT_KEY, url(inventory));
    }

    @Override
    public List<ProbeResult> parse(Inventory inventory, Host host, ProbeOutput output) {
        return List.of(HttpsGet.result(NAME, host.name(), url(inventory), describe(inventory, host), output));
    }
}
