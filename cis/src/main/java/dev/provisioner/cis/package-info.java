/**
 * Offline CIS Kubernetes Benchmark checker: evaluates the checks of the benchmark that can be decided
 * from what a renderer produces for each host (systemd units, environment files, component config
 * files, kubeconfigs, PKI files and their modes and owners), with kube-bench's semantics.
 *
 * <p>Input is neutral: {@link dev.provisioner.cis.RenderedHost} and
 * {@link dev.provisioner.cis.RenderedFile} describe one host's rendered output, and
 * {@link dev.provisioner.cis.ComponentLayout} says where each component's pieces live. The entry
 * point is {@link dev.provisioner.cis.CisChecker}; its result is a {@link dev.provisioner.cis.CisReport}.
 * The package depends on nothing else in the project.
 *
 * <p>Place in the flow: after the flow: reads what a run rendered or left on a host and reports CIS findings; depends on nothing of the library.
 */
package dev.provisioner.cis;
