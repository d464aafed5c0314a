package dev.provisioner.cis;

import java.util.Objects;

/**
 * The result of one check on one host.
 *
 * @param host     host name, or {@link #CLUSTER} for cluster-wide checks
 * @param id       CIS check id, e.g. {@code 1.2.1}
 * @param title    the check's title
 * @param status   outcome
 * @param found    what the rendered output has (empty when nothing was looked at)
 * @param expected what the check wants (empty for skipped checks)
 * @param reason   why a check was skipped, or notes on how it was decided (may be empty)
 */
public record CheckResult(String host, String id, String title, Status status, String found, String expected,
                          String reason) {

    /** Host name used for checks that concern the whole cluster rather than one host. */
    public static final String CLUSTER = "(cluster)";

    public CheckResult {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        found = found == null ? "" : found;
        expected = expected == null ? "" : expected;
        reason = reason == null ? "" : reason;
    }
}
