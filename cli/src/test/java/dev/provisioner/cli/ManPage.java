package dev.provisioner.cli;

import dev.provisioner.Version;
import picocli.CommandLine;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The man pages, in roff, from the picocli model (the one generator: the tarball and the .deb ship what it
 * writes, see {@link CliArtifacts}): {@code provisioner.1} with the description, the command list, the
 * exit-code table ({@link ExitCode}) and the environment, and one page per command and subcommand,
 * {@code provisioner-apply.1}, {@code provisioner-certs-ensure.1}, holding its help exactly as
 * {@code --help} prints it (as docs/cli-reference.md does, from the same {@link CliReference#model()}).
 * Needs nothing but {@code man} to read (no AsciiDoc step).
 */
final class ManPage {
    private ManPage() {
    }

    /** File name (e.g. {@code provisioner-etcd-snapshot.1}) to page, the root page first. */
    static Map<String, String> pages(CommandLine root) {
        List<CommandLine> commands = CliReference.commands(root);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put(fileName(root), rootPage(root, commands.subList(1, commands.size())));
        for (CommandLine cl : commands.subList(1, commands.size())) {
            pages.put(fileName(cl), commandPage(cl));
        }
        return pages;
    }

    /** {@code provisioner-certs-ensure.1} for {@code provisioner certs ensure}. */
    static String fileName(CommandLine cl) {
        return cl.getCommandSpec().qualifiedName("-") + ".1";
    }

    private static String rootPage(CommandLine root, List<CommandLine> commands) {
        CommandLine.Model.CommandSpec spec = root.getCommandSpec();
        StringBuilder b = header(spec);
        b.append(".SH SYNOPSIS\n.B provisioner\nCOMMAND [OPTIONS]\n");
        b.append(".SH DESCRIPTION\n").append(text(String.join(" ", spec.usageMessage().description()))).append('\n');
        b.append(".PP\nEach command has its own page, listed below; \\fBprovisioner\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR"
                + " prints the same text.\n");
        b.append(".SH OPTIONS\n");
        for (CommandLine.Model.OptionSpec o : spec.options()) {
            b.append(".TP\n.B ").append(text(String.join(", ", o.names()))).append('\n')
                    .append(text(String.join(" ", o.description()))).append('\n');
        }
        b.append(".SH COMMANDS\n");
        for (CommandLine cl : commands) {
            b.append(".TP\n.BR ").append(pageName(cl)).append(" (1)\n")
                    .append(text(String.join(" ", cl.getCommandSpec().usageMessage().header()))).append('\n');
        }
        b.append(".SH EXIT STATUS\nOne table for every command; each command's page lists the codes it uses.\n");
        for (ExitCode c : ExitCode.values()) {
            b.append(".TP\n.B ").append(c.code()).append(" (").append(text(c.label())).append(")\n").append(text(c.meaning()))
                    .append('\n');
        }
        b.append(".SH ENVIRONMENT\n.TP\n.B ").append(InventoryOption.ENV)
                .append("\nthe inventory file used when \\-i is not given (else ./").append(InventoryOption.DEFAULT_FILE)
                .append(")\n");
        b.append(".SH SEE ALSO\ndocs/cli-reference.md and docs/json-output.md in the documentation\n");
        return b.toString();
    }

    private static String commandPage(CommandLine cl) {
        StringBuilder b = header(cl.getCommandSpec());
        b.append(".SH DESCRIPTION\n.nf\n").append(text(cl.getUsageMessage().stripTrailing())).append("\n.fi\n");
        b.append(".SH SEE ALSO\n.BR provisioner (1)");
        CommandLine parent = cl.getParent();
        if (parent != null && parent.getParent() != null) {
            b.append(",\n.BR ").append(pageName(parent)).append(" (1)");
        }
        return b.append('\n').toString();
    }

    private static StringBuilder header(CommandLine.Model.CommandSpec spec) {
        String title = spec.qualifiedName("-");
        StringBuilder b = new StringBuilder();
        b.append(".TH ").append(text(title.toUpperCase(Locale.ROOT))).append(" 1 \"")
                .append(LocalDate.now(ZoneOffset.UTC).getYear()).append("\" \"provisioner ").append(Version.current())
                .append("\" \"User Commands\"\n");
        b.append(".SH NAME\n").append(text(title)).append(" \\- ")
                .append(text(String.join(" ", spec.usageMessage().header()))).append('\n');
        return b;
    }

    private static String pageName(CommandLine cl) {
        return text(cl.getCommandSpec().qualifiedName("-"));
    }

    /** Roff-safe text: backslashes and hyphens escaped, no line starting with a control character. */
    static String text(String s) {
        StringBuilder b = new StringBuilder();
        for (String line : s.replace("\\", "\\e").replace("-", "\\-").split("\n", -1)) {
            b.append(b.length() == 0 ? "" : "\n").append(line.startsWith(".") || line.startsWith("'") ? "\\&" + line : line);
        }
        return b.toString();
    }
}
