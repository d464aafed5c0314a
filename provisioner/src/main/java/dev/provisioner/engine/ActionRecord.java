package dev.provisioner.engine;

import dev.provisioner.step.Action;

/**
 * An action as it went into the report: described and masked, with the file diff if it has one.
 *
 * @param kind        the action type, e.g. {@code PutFile}
 * @param description masked one-liner
 * @param diff        masked unified diff, or ""
 * @param done        true when it ran (always false in plan mode)
 */
public record ActionRecord(String kind, String description, String diff, boolean done) {
    static String kindOf(Action a) {
        return a.getClass().getSimpleName();
    }
}
