package dev.provisioner.security;

import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.List;

/**
 * A test step whose command prints the content of {@code file} on stdout and stderr and then fails,
 * the way a misconfigured service might echo a password: what the host says about a secret must
 * reach events, reports and exceptions masked.
 */
final class LeakyStep implements Step {
    private final String file;

    LeakyStep(String file) {
        this.file = file;
    }

    @Override
    public String name() {
        return "leaky-command";
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        return StepOutcome.of(List.of(RunCommand.of("print a file that holds secrets",
                "echo \"stdout: $(cat " + file + ")\"\necho \"stderr: $(cat " + file + ")\" >&2\nexit 7")), "");
    }
}
