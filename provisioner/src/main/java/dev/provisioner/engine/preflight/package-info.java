/**
 * Host checks before any change: the system facts they need ({@link dev.provisioner.engine.preflight.SystemFacts},
 * gathered by the host's one facts script, {@code dev.provisioner.facts.FactsScript}) and the checks
 * themselves as pure functions of inventory and facts ({@link dev.provisioner.engine.preflight.HostChecks}), so
 * every problem of every host is listed at once, named with the host, before a single file is written.
 *
 * <p>Place in the flow: facts -> (problems before any change). Layer: engine.
 */
package dev.provisioner.engine.preflight;
