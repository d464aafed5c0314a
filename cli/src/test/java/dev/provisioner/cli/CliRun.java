package dev.provisioner.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the CLI in-process through picocli's {@code execute}, with the subcommands {@code main} registers for
 * these arguments, and captures what it printed.
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine(Subcommands.neededBy(args));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
