package dev.provisioner.ops.check;

import dev.provisioner.inventory.Host;

import static dev.provisioner.ops.check.ProbeScripts.q;

/**
 * The prelude of probes that ask the API server through kubectl on the first master with the admin
 * kubeconfig: "not installed" when the apiserver, kubectl or the kubeconfig is absent, and a
 * function {@code k} that runs kubectl with that kubeconfig.
 */
final class Kubectl {
    private Kubectl() {
    }

    static String prelude(Host host) {
        return "unit_exists " + ProbeTargets.APISERVER_UNIT + " || notinstalled " + q("no " + ProbeTargets.APISERVER_UNIT + " on " + host.name()) + "\n"
                + "have kubectl || notinstalled " + q("kubectl not found on " + host.name()) + "\n"
                + "[ -r " + q(ProbeTargets.ADMIN_KUBECONFIG) + " ] || notinstalled "
                + q("admin kubeconfig " + ProbeTargets.ADMIN_KUBECONFIG + " missing on " + host.name()) + "\n"
                + "k() { kubectl --kubeconfig=" + q(ProbeTargets.ADMIN_KUBECONFIG) + " --request-timeout=10s \"$@\"; }\n";
    }
}
