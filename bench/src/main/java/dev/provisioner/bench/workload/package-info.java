/**
 * The benchmark's synthetic workload: a plan of files, packages and services of a chosen size.
 *
 * <p>Place in the flow: model -> plan: a plan for the engine to run.
 */
package dev.provisioner.bench.workload;
