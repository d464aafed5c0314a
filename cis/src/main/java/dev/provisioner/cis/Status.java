package dev.provisioner.cis;

/**
 * Outcome of one check on one host. {@link #FAIL} and {@link #WARN} follow kube-bench: a failing
 * scored check is FAIL, a failing unscored one is WARN. The last three are skipped checks, each with
 * its reason in {@link CheckResult#reason()}.
 */
public enum Status {
    /** The rendered output satisfies the check. */
    PASS,
    /** A scored check fails. */
    FAIL,
    /** An unscored check fails (kube-bench reports WARN). */
    WARN,
    /** A judgement call: kube-bench has no automated test; the finding is given for review. */
    MANUAL,
    /** Needs a live cluster (RBAC, workloads, API objects): not decidable from rendered files. */
    NOT_DECIDABLE,
    /** The check's component does not run on this host. */
    NOT_APPLICABLE;

    /** Whether the check was not evaluated (manual, needs a cluster, or not applicable). */
    public boolean skipped() {
        return this == MANUAL || this == NOT_DECIDABLE || this == NOT_APPLICABLE;
    }

    /** Whether the check was evaluated and did not pass. */
    public boolean failing() {
        return this == FAIL || this == WARN;
    }
}
