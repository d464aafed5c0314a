package dev.provisioner.cli;

import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

/**
 * docs/cli-reference.md, generated from the picocli model: the exit-code table ({@link ExitCode}), then
 * every command's help exactly as {@code provisioner COMMAND --help} prints it (at a fixed width), so the
 * reference and the help cannot disagree. {@link CliReferenceTest} fails when the committed file differs.
 */
final class CliReference {
    /** The help width of the reference (the terminal's width is used on a terminal). */
    static final int WIDTH = 110;

    private CliReference() {
    }

    /** The whole command line with every subcommand, at the reference's fixed width. */
    static CommandLine model() {
        CommandLine cl = Main.commandLine();
        cl.setUsageHelpAutoWidth(false);
        cl.setUsageHelpWidth(WIDTH);
        return cl;
    }

    /** Every command below {@code cl}, depth first in help order (the root first). */
    static List<CommandLine> commands(CommandLine cl) {
        List<CommandLine> all = new ArrayList<>();
        all.add(cl);
        cl.getSubcommands().values().stream().distinct().forEach(sub -> all.addAll(commands(sub)));
        return all;
    }

    static String markdown() {
        CommandLine root = model();
        StringBuilder b = new StringBuilder();
        b.append("# provisioner command-line reference\n\n")
                .append("Generated from the command line's own model (`CliReference` in cli/src/test/java); do not edit by"
                        + " hand: `CliReferenceTest` fails when this file differs from what `--help` prints. To regenerate,"
                        + " run `mvn -o -q -pl cli -am test -Dtest=CliReferenceTest -Dsurefire.failIfNoSpecifiedTests=false"
                        + " -Dprovisioner.writeDocs=true`.\n\n");
        b.append("## Exit codes\n\n")
                .append("One table for every command; each command's help lists the codes it uses. A code never has two"
                        + " meanings: in particular `plan` exits ").append(ExitCodes.CHANGES_PENDING)
                .append(" when changes are pending, never ").append(ExitCodes.INVALID_INPUT).append(" (invalid input).\n\n")
                .append("| code | name | meaning |\n| ---: | --- | --- |\n");
        for (ExitCode c : ExitCode.values()) {
            b.append("| ").append(c.code()).append(" | `").append(c.label()).append("` | ").append(c.meaning()).append(" |\n");
        }
        b.append("\n## Options shared by every command\n\n")
                .append("Every command that reads an inventory takes `-i FILE` (default: `$").append(InventoryOption.ENV)
                .append("`, else `./").append(InventoryOption.DEFAULT_FILE).append("`) and the output options `--json`,"
                        + " `--plain`, `-v`, `-q` and `--debug`, with the same meaning everywhere. Commands that contact"
                        + " hosts take `--transport` and `--parallel`; `--limit` takes host names and the role names"
                        + " master, node, registry, etcd; destructive commands take `--yes`. The `lab` commands' `-i` is"
                        + " the lab's own inventory file (default: inventories/NAME.yaml in the checkout). Under `--json`"
                        + " a command without JSON output of its own prints its text on stderr and one JSON `Result` line"
                        + " on stdout (docs/json-output.md).\n");
        b.append("\n## Commands\n");
        for (CommandLine cl : commands(root)) {
            String name = cl.getCommandSpec().qualifiedName(" ");
            b.append("\n### ").append(name).append("\n\n```text\n").append(cl.getUsageMessage().stripTrailing())
                    .append("\n```\n");
        }
        return b.toString();
    }
}
