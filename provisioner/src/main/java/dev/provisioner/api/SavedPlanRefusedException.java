package dev.provisioner.api;

import java.util.List;

/**
 * {@link Provisioner#apply(java.nio.file.Path)} refused a saved plan, changing nothing: the plan file is
 * unreadable, or the inventory, the templates, a rendered file, a host's facts or the actions computed now
 * differ from the saved ones. {@link #differences()} names each, with its host.
 *
 * @since 0.1
 */
public class SavedPlanRefusedException extends RuntimeException {
    private final transient List<String> differences;

    public SavedPlanRefusedException(List<String> differences) {
        super("the saved plan was refused, nothing was changed:\n  " + String.join("\n  ", differences));
        this.differences = List.copyOf(differences);
    }

    /** One line per difference, each naming the host or input it is about. */
    public List<String> differences() {
        return differences;
    }
}
