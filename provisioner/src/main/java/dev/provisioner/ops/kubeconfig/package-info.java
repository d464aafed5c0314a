/**
 * Day-2 operation: a kubeconfig for the controller (the machine running provisioner), signed by the
 * cluster CA from the local state directory. Flow: inventory (cluster name, API endpoint) and state
 * (CA) -> a short-lived client certificate issued in memory -> the kubeconfig text -> one file, 0600
 * from creation. Contacts no host.
 *
 * <p>Place in the flow: inventory -> model (the PKI in the state directory) -> report. Layer: day-2 operations.
 */
package dev.provisioner.ops.kubeconfig;
