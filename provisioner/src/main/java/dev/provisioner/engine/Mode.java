package dev.provisioner.engine;

/** What a run does with the actions it computes. */
public enum Mode {
    /** Gather facts and compute actions; change nothing. */
    PLAN,
    /** Gather facts, compute actions and apply them. */
    APPLY
}
