package dev.provisioner.ops.removal;

import dev.provisioner.component.kube.KubePaths;
import dev.provisioner.transport.Command;

import java.util.Optional;

/**
 * Drains a node and deletes its Node object, run on a master with the admin kubeconfig. Says "skip"
 * rather than failing when there is no API to ask (kubectl or the kubeconfig absent, the API server
 * not answering): a cluster whose control plane never ran has no Node object to delete. A drain that
 * does not finish in time (pods on a dead node never confirm) does not stop the deletion.
 */
final class KubeNodeDeletion {
    static final int DRAIN_TIMEOUT_SECONDS = 120;

    private KubeNodeDeletion() {
    }

    static String script(String node) {
        String n = Command.quote(node);
        return "command -v kubectl >/dev/null 2>&1 || { echo 'skip=kubectl not found'; exit 0; }\n"
                + "[ -r " + Command.quote(KubePaths.ADMIN_CONF) + " ] || { echo 'skip=no admin kubeconfig "
                + KubePaths.ADMIN_CONF + "'; exit 0; }\n"
                + "k() { kubectl --kubeconfig=" + Command.quote(KubePaths.ADMIN_CONF) + " --request-timeout=15s \"$@\"; }\n"
                + "k get --raw=/readyz >/dev/null 2>&1 || { echo 'skip=the API server does not answer'; exit 0; }\n"
                + "k get node " + n + " >/dev/null 2>&1 || { echo 'absent=yes'; exit 0; }\n"
                + "if k drain " + n + " --ignore-daemonsets --delete-emptydir-data --force --timeout="
                + DRAIN_TIMEOUT_SECONDS + "s >&2; then echo 'drained=yes'; else echo 'drained=no'; fi\n"
                + "k delete node " + n + " --ignore-not-found >&2 && echo 'deleted=yes'\n";
    }

    /** The outcome of {@link #script}'s output, or empty when the script's exit says it failed. */
    static RemovalStep parse(String node, String master, int exitCode, String stdout, String stderrTail) {
        Optional<String> skip = value(stdout, "skip");
        if (skip.isPresent()) {
            return RemovalStep.skipped(KUBERNETES, "no Node object deleted: " + skip.get() + " on " + master);
        }
        if (value(stdout, "absent").isPresent()) {
            return RemovalStep.done(KUBERNETES, "node " + node + " is not registered with the API server (asked on " + master + ")");
        }
        if (exitCode == 0 && value(stdout, "deleted").isPresent()) {
            String drained = value(stdout, "drained").orElse("no").equals("yes") ? "drained and deleted"
                    : "deleted (the drain did not finish in " + DRAIN_TIMEOUT_SECONDS + " s; its pods are rescheduled as the Node is gone)";
            return RemovalStep.done(KUBERNETES, "node " + node + " " + drained + " via " + master);
        }
        return RemovalStep.failed(KUBERNETES, "kubectl delete node " + node + " failed on " + master + " (exit " + exitCode + "): " + stderrTail);
    }

    static final String KUBERNETES = "kubernetes";

    private static Optional<String> value(String stdout, String key) {
        return stdout.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1)).findFirst();
    }
}
