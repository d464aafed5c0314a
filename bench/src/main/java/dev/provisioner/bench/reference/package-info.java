/**
 * The references the benchmark measures beside the provisioner, in the same invocation and on the
 * same lab hosts: the floor (one fresh OpenSSH connection per host running {@code true}) and the
 * expert script ({@code bench/expert.sh}: one connection and one bash per host doing the workload
 * with builtins), their runs, summaries and the ratios ours/reference.
 *
 * <p>Place in the flow: measurement -> report: the report writers put these beside the provisioner's rows.
 */
package dev.provisioner.bench.reference;
