package dev.provisioner.api;

/** What a run did: {@link #PLAN} changes nothing, {@link #APPLY} makes it so. */
public enum RunMode {
    PLAN, APPLY
}
