package dev.provisioner.cli;

import dev.provisioner.api.ProvisionListener;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/**
 * How a run shows its progress: live status lines on a terminal, plain lines otherwise (or with
 * {@code --plain}), JSON lines with {@code --json}; {@code -v} adds command-level detail.
 */
final class OutputOptions {
    @Option(names = "--json", description = "print events and the report as JSON lines instead of text")
    boolean json;

    @Option(names = "--plain", description = "plain lines even on a terminal (no live status lines)")
    boolean plain;

    @Option(names = {"-v", "--verbose"}, description = "command-level detail: every action and every line the hosts print")
    boolean verbose;

    /** Live status lines: only on an interactive terminal and without --plain/--json. */
    boolean live() {
        return !json && !plain && System.console() != null;
    }

    /** The listener that draws progress on {@code out}. */
    ProvisionListener display(PrintWriter out) {
        if (json) {
            return new JsonLinesListener(out);
        }
        return live() ? new LiveStatus(out, verbose) : new ConsoleListener(out, verbose);
    }
}
