package dev.provisioner.api;

import java.util.List;

/**
 * An operation refused to start because going ahead would be unsafe (a version jump upstream forbids, ...);
 * nothing was changed on any host. Its {@link FailureKind} is {@link FailureKind#REFUSED}.
 *
 * @since 0.1
 */
public class OperationRefusedException extends RuntimeException {
    private final transient List<String> problems;

    public OperationRefusedException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** Every reason, one line each. */
    public List<String> problems() {
        return problems;
    }
}
