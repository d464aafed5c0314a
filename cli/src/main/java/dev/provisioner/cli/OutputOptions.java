package dev.provisioner.cli;

import dev.provisioner.api.ProvisionListener;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/**
 * How a command shows its output, the same on every command: live status lines on a terminal, plain
 * lines otherwise (or with {@code --plain}), JSON lines with {@code --json}; {@code -v} adds detail,
 * {@code -q} leaves only errors and the result; {@code --debug} adds debug logging (set before the first
 * logger exists, by {@link CliLogging}) and stack traces of unexpected errors ({@link ErrorReporter}). A command that has no JSON form of its own prints its
 * text on stderr under {@code --json} and ends with one JSON result line ({@link OutputExecution}).
 */
final class OutputOptions {
    /** A command that writes its own JSON lines under --json and honours -q itself. */
    interface SelfRendering {
    }

    @Option(names = "--json", description = "JSON lines on stdout (docs/json-output.md); text goes to stderr")
    boolean json;

    @Option(names = "--plain", description = "plain lines even on a terminal (no live status lines)")
    boolean plain;

    @Option(names = {"-v", "--verbose"}, description = "more detail: every action and every line the hosts print")
    boolean verbose;

    @Option(names = "--debug", description = "debug logging and stack traces of unexpected errors")
    boolean debug;

    @Option(names = {"-q", "--quiet"}, description = "only errors and the final result: no progress, diffs or tables")
    boolean quiet;

    /** Live status lines: only on an interactive terminal and without --plain/--json/--quiet. */
    boolean live() {
        return !json && !plain && !quiet && System.console() != null;
    }

    /** The listener that draws progress on {@code out}. */
    ProvisionListener display(PrintWriter out) {
        if (json) {
            return new JsonLinesListener(out);
        }
        if (quiet) {
            return event -> { };
        }
        return live() ? new LiveStatus(out, verbose) : new ConsoleListener(out, verbose);
    }
}
