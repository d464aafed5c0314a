package dev.provisioner.ops.upgrade;

import dev.provisioner.component.kube.KubePaths;
import dev.provisioner.transport.Command;

import java.time.Duration;

/**
 * The kubectl scripts a rolling upgrade runs on the first master with the admin kubeconfig: drain a node
 * (evictions, so PodDisruptionBudgets hold; DaemonSet pods stay; emptyDir data goes) and uncordon it. A
 * cluster with no API to ask (kubectl or the kubeconfig absent) prints {@code skip=WHY}; a node not
 * registered prints {@code skip=...} too. An API server that does not answer fails the drain: the
 * upgrade must not go on with the cluster not serving.
 */
final class DrainScripts {
    /** Uncordon is retried this long: the API server may be restarting after a control-plane batch. */
    static final Duration UNCORDON_RETRY = Duration.ofSeconds(60);

    private DrainScripts() {
    }

    private static String prelude(String node) {
        String conf = Command.quote(KubePaths.ADMIN_CONF);
        return "command -v kubectl >/dev/null 2>&1 || { echo 'skip=kubectl not found'; exit 0; }\n"
                + "[ -r " + conf + " ] || { echo 'skip=no admin kubeconfig " + KubePaths.ADMIN_CONF + "'; exit 0; }\n"
                + "k() { kubectl --kubeconfig=" + conf + " \"$@\"; }\n";
    }

    static String drain(String node, Duration timeout) {
        String n = Command.quote(node);
        return prelude(node)
                + "k get --raw=/readyz --request-timeout=15s >/dev/null || { echo 'the API server does not answer' >&2; exit 1; }\n"
                + "k get node " + n + " --request-timeout=15s >/dev/null 2>&1 || { echo 'skip=node " + node + " is not registered'; exit 0; }\n"
                + "k drain " + n + " --ignore-daemonsets --delete-emptydir-data --timeout=" + Math.max(1, timeout.toSeconds()) + "s >&2\n";
    }

    static String uncordon(String node) {
        String n = Command.quote(node);
        long tries = UNCORDON_RETRY.toSeconds() / 2;
        return prelude(node)
                + "i=0\n"
                + "until k uncordon " + n + " --request-timeout=15s >&2; do\n"
                + "  i=$((i + 1)); [ \"$i\" -ge " + tries + " ] && exit 1\n"
                + "  sleep 2\n"
                + "done\n";
    }
}
