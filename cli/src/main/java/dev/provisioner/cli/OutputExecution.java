package dev.provisioner.cli;

import dev.provisioner.cli.json.JsonLines;
import dev.provisioner.cli.json.ResultDto;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Gives {@code --json} and {@code -q} the same meaning on commands whose output is text only: under
 * {@code --json} their text goes to stderr and stdout gets one JSON result line (command, exit code);
 * under {@code -q} their text is dropped (errors still go to stderr). Commands that implement the
 * options themselves ({@link OutputOptions.SelfRendering}) run unchanged.
 */
final class OutputExecution implements CommandLine.IExecutionStrategy {
    private final CommandLine.IExecutionStrategy next = new CommandLine.RunLast();

    @Override
    public int execute(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult leafResult = parsed;
        while (leafResult.hasSubcommand()) {
            leafResult = leafResult.subcommand();
        }
        CommandLine leaf = leafResult.commandSpec().commandLine();
        OutputOptions o = outputOf(leaf.getCommandSpec());
        if (o == null || !(o.json || o.quiet) || leaf.getCommand() instanceof OutputOptions.SelfRendering
                || leafResult.isUsageHelpRequested() || leafResult.isVersionHelpRequested()) {
            return next.execute(parsed);
        }
        PrintWriter stdout = leaf.getOut();
        leaf.setOut(o.json ? leaf.getErr() : new PrintWriter(Writer.nullWriter()));
        int code;
        try {
            code = next.execute(parsed);
        } finally {
            leaf.setOut(stdout);
        }
        if (o.json) {
            new JsonLines(stdout).line("Result", new ResultDto.Command(leaf.getCommandSpec().qualifiedName(" "), code,
                    ExitCode.of(code).map(ExitCode::label).orElse("")));
        }
        return code;
    }

    /** The command's output options, when it has them. */
    static OutputOptions outputOf(CommandLine.Model.CommandSpec spec) {
        for (CommandLine.Model.CommandSpec mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof OutputOptions o) {
                return o;
            }
        }
        return null;
    }
}
