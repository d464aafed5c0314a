package dev.provisioner.inventory;

import dev.provisioner.ProvisionerException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The inventory is invalid. Carries every problem found (all errors at once, plus any warnings), so a
 * user fixes the file in one pass. The message is {@link #format()}.
 */
public class InventoryException extends ProvisionerException {
    private final transient List<ValidationProblem> problems;

    /** Creates the exception; {@code problems} must contain at least one error. */
    public InventoryException(List<ValidationProblem> problems) {
        super(render(problems));
        this.problems = problems.stream()
                .sorted((a, b) -> Boolean.compare(!a.isError(), !b.isError()))
                .toList();
    }

    /** Every problem, errors first, each group in the order found. */
    public List<ValidationProblem> problems() {
        return problems;
    }

    /** Only the errors. */
    public List<ValidationProblem> errors() {
        return problems.stream().filter(ValidationProblem::isError).toList();
    }

    /** One {@link ValidationProblem#format()} line per problem, errors first. */
    public String format() {
        return render(problems);
    }

    private static String render(List<ValidationProblem> problems) {
        return problems.stream()
                .sorted((a, b) -> Boolean.compare(!a.isError(), !b.isError()))
                .map(ValidationProblem::format)
                .collect(Collectors.joining("\n"));
    }
}
