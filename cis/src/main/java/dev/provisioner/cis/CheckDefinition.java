package dev.provisioner.cis;

/**
 * One check of the catalogue.
 *
 * @param id        CIS id
 * @param title     CIS title
 * @param group     benchmark group (control-plane-files, kube-apiserver, ..., policies(runtime))
 * @param component component that must run on a host for the check to apply; null for cluster-wide checks
 * @param scored    kube-bench {@code scored}: a failing scored check is FAIL, otherwise WARN
 * @param manual    kube-bench {@code type: manual}
 * @param offline   how the check is decided without a running cluster
 * @param rule      the rule that decides it
 */
record CheckDefinition(String id, String title, String group, KubeComponent component, boolean scored,
                       boolean manual, String offline, Rule rule) {

    /** The status of this check when its rule does not hold. */
    Status failing() {
        return scored ? Status.FAIL : Status.WARN;
    }

    /** Whether the check concerns the cluster rather than one host. */
    boolean clusterWide() {
        return component == null;
    }

    /** Whether the rule is evaluated offline (as opposed to reported manual or needing a cluster). */
    boolean decidable() {
        return !(rule instanceof Rule.Manual || rule instanceof Rule.LiveCluster
                || rule instanceof Rule.NetworkPolicySupport);
    }
}
