package dev.provisioner.api;

/**
 * What a run did: {@link #PLAN} changes nothing, {@link #APPLY} makes it so.
 *
 * @since 0.1
 */
public enum RunMode {
    PLAN, APPLY
}
