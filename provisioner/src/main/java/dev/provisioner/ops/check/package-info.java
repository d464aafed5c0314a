/**
 * Day-2: read-only health of every component on every host ({@code HealthCheck}): probes batched per
 * host, the optional smoke test.
 *
 * <p>Place in the flow: facts -> report for a running cluster: probes read hosts and report; no
 * actions. Layer: day-2 operations (above the engine, below api).
 */
package dev.provisioner.ops.check;
