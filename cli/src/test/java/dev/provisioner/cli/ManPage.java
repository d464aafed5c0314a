package dev.provisioner.cli;

import dev.provisioner.Version;
import picocli.CommandLine;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * provisioner(1) in roff, from the picocli model: NAME, SYNOPSIS, DESCRIPTION, the exit-code table and,
 * per command, its help text. (picocli's ManPageGenerator writes AsciiDoc, which needs asciidoctor to
 * become a man page; this page needs nothing but {@code man}.)
 */
final class ManPage {
    private ManPage() {
    }

    static String roff(CommandLine root) {
        CommandLine.Model.CommandSpec spec = root.getCommandSpec();
        StringBuilder b = new StringBuilder();
        b.append(".TH PROVISIONER 1 \"").append(LocalDate.now(ZoneOffset.UTC).getYear()).append("\" \"provisioner ")
                .append(Version.current()).append("\" \"User Commands\"\n");
        b.append(".SH NAME\nprovisioner \\- ").append(text(String.join(" ", spec.usageMessage().header()))).append('\n');
        b.append(".SH SYNOPSIS\n.B provisioner\nCOMMAND [OPTIONS]\n");
        b.append(".SH DESCRIPTION\n").append(text(String.join(" ", spec.usageMessage().description()))).append('\n');
        b.append(".SH EXIT STATUS\n");
        for (ExitCode c : ExitCode.values()) {
            b.append(".TP\n.B ").append(c.code()).append(" (").append(c.label()).append(")\n").append(text(c.meaning()))
                    .append('\n');
        }
        b.append(".SH COMMANDS\n");
        for (CommandLine cl : CliReference.commands(root).subList(1, CliReference.commands(root).size())) {
            b.append(".SS ").append(text(cl.getCommandSpec().qualifiedName(" "))).append("\n.nf\n")
                    .append(text(cl.getUsageMessage().stripTrailing())).append("\n.fi\n");
        }
        b.append(".SH ENVIRONMENT\n.TP\n.B ").append(InventoryOption.ENV)
                .append("\nthe inventory file used when \\-i is not given (else ./").append(InventoryOption.DEFAULT_FILE)
                .append(")\n");
        b.append(".SH SEE ALSO\ndocs/cli-reference.md, docs/json-output.md\n");
        return b.toString();
    }

    /** Roff-safe text: backslashes escaped, no line starting with a control character. */
    static String text(String s) {
        StringBuilder b = new StringBuilder();
        for (String line : s.replace("\\", "\\e").split("\n", -1)) {
            b.append(b.length() == 0 ? "" : "\n").append(line.startsWith(".") || line.startsWith("'") ? "\\&" + line : line);
        }
        return b.toString();
    }
}
