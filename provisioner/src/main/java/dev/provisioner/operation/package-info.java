/**
 * The operation context every host-touching operation runs in: {@link dev.provisioner.operation.Operation}
 * (secrets registered once, one connection factory, the run lock for operations that change hosts,
 * events and the run-log hook) and {@link dev.provisioner.operation.HostFanOut} (the one bounded,
 * ordered, interruptible way to work on hosts in parallel).
 *
 * <p>Place in the flow: inventory -> model -> plan -> facts -> actions -> events -> report: between the
 * inventory and everything that contacts hosts; it carries facts-gathering and actions out to the
 * hosts and their results back as events. Layer: with {@code connect}, above transport and inventory,
 * below step, engine and the day-2 operations.
 */
package dev.provisioner.operation;
