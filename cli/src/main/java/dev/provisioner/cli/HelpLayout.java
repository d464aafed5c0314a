package dev.provisioner.cli;

import picocli.CommandLine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every command's help has in common, applied once to the picocli model: the terminal's width,
 * and the exit codes the command uses ({@link Exits}) with their meaning from {@link ExitCode}; a group
 * (lab, certs, etcd) lists those of its subcommands, and {@code provisioner --help} the whole table.
 */
final class HelpLayout {
    private HelpLayout() {
    }

    /** Applies the layout to {@code root} and every subcommand registered so far. */
    static CommandLine apply(CommandLine root) {
        root.setUsageHelpAutoWidth(true);
        exitCodes(root, true);
        return root;
    }

    private static Set<ExitCode> exitCodes(CommandLine cl, boolean root) {
        Set<ExitCode> fromSubcommands = EnumSet.noneOf(ExitCode.class);
        cl.getSubcommands().values().stream().distinct()
                .forEach(sub -> fromSubcommands.addAll(exitCodes(sub, false)));
        Exits declared = cl.getCommand().getClass().getAnnotation(Exits.class);
        Set<ExitCode> codes = root ? EnumSet.allOf(ExitCode.class)
                : declared != null ? EnumSet.copyOf(List.of(declared.value())) : fromSubcommands;
        if (!codes.isEmpty()) {
            CommandLine.Model.UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
            usage.exitCodeListHeading(root ? "%nExit codes (each command's help lists the ones it uses):%n"
                    : declared == null ? "%nExit codes (of its subcommands):%n" : "%nExit codes:%n");
            usage.exitCodeList(list(codes));
        }
        return codes;
    }

    /** The help's exit-code list: code right-aligned, then its meaning. */
    static Map<String, String> list(Set<ExitCode> codes) {
        Map<String, String> m = new LinkedHashMap<>();
        for (ExitCode c : new ArrayList<>(codes)) {
            m.put(String.format("%3d", c.code()), c.meaning());
        }
        return m;
    }

    /** The codes {@code command} declares, in table order; empty for a group or the help command. */
    static List<ExitCode> declared(Object command) {
        Exits e = command.getClass().getAnnotation(Exits.class);
        return e == null ? List.of() : List.copyOf(EnumSet.copyOf(List.of(e.value())));
    }
}
