package dev.provisioner.cli;

import picocli.CommandLine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The CLI's subcommands, in the order help lists them, and which of them a command line needs.
 * picocli builds the model of every registered command by reflection when the command line is
 * created (about a quarter of a second for all of them); a run of one subcommand registers only
 * that one, so start-up does not grow with the number of commands.
 */
final class Subcommands {
    private static final Map<String, Supplier<Object>> ALL = all();

    private Subcommands() {
    }

    private static Map<String, Supplier<Object>> all() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("validate", ValidateCommand::new);
        m.put("render", RenderCommand::new);
        m.put("plan", PlanCommand::new);
        m.put("apply", ApplyCommand::new);
        m.put("certs", CertsCommand::new);
        m.put("kubeconfig", KubeconfigCommand::new);
        m.put("lab", LabCommand::new);
        m.put("run", RunCommand::new);
        m.put("init", InitCommand::new);
        m.put("check", CheckCommand::new);
        m.put("cis", CisCommand::new);
        m.put("upgrade", UpgradeCommand::new);
        m.put("reset", ResetCommand::new);
        m.put("etcd", EtcdCommand::new);
        m.put("remove-node", RemoveNodeCommand::new);
        m.put("bundle", BundleCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(m);
    }

    /**
     * The names {@code args} needs: the subcommand it names (the first argument that is not an option),
     * none for a bare {@code --version}, and all of them otherwise (help, usage, an unknown name, whose
     * error lists them).
     */
    static List<String> neededBy(String[] args) {
        if (args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"))) {
            return List.of();
        }
        for (String a : args) {
            if (!a.startsWith("-")) {
                return ALL.containsKey(a) && !a.equals("help") ? List.of(a) : List.copyOf(ALL.keySet());
            }
        }
        return List.copyOf(ALL.keySet());
    }

    /** Registers the subcommands called {@code names} on {@code cl}. */
    static CommandLine register(CommandLine cl, List<String> names) {
        names.forEach(n -> cl.addSubcommand(n, ALL.get(n).get()));
        return cl;
    }

    /** Every subcommand name. */
    static List<String> names() {
        return List.copyOf(ALL.keySet());
    }
}
