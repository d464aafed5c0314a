/**
 * The benchmark's white-box door to the facade ({@link dev.provisioner.api.BenchEngineHooks}): its workload plan
 * and counting connections, which the library's api keeps package-private.
 *
 * <p>Place in the flow: replaces the plan (model -> plan) and the connections (facts -> actions) of a measured run.
 */
package dev.provisioner.api;
