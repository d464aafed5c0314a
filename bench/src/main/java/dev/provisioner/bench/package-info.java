/**
 * The benchmark: N lab hosts, first, no-op and changed runs, CSV and charts.
 *
 * <p>Place in the flow: measures the whole flow on lab hosts.
 */
package dev.provisioner.bench;
