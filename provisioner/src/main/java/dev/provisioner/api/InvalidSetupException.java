package dev.provisioner.api;


import java.util.List;

/**
 * The {@link Provisioner.Builder} was given missing or contradictory settings; lists all of them.
 *
 * @since 0.1
 */
public class InvalidSetupException extends RuntimeException {
    private final transient List<String> problems;

    public InvalidSetupException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
