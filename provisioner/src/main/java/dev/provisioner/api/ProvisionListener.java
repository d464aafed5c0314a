package dev.provisioner.api;

/**
 * Receives a run's events. The run delivers events one at a time (never concurrently), from its
 * worker threads, so a listener needs no locking of its own; it should return quickly. An exception
 * thrown by a listener is logged and does not stop the run.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ProvisionListener {
    void onEvent(ProvisionEvent event);
}
