package dev.provisioner.cli;

import dev.provisioner.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;

/**
 * The {@code provisioner} command line: a thin layer over the library's public API. This is the
 * only place in the project that calls {@link System#exit}.
 */
@Command(name = "provisioner",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        header = "Turns bare machines into a Kubernetes cluster over SSH, from one inventory file.",
        description = "Every command that reads an inventory takes -i FILE (default: $PROVISIONER_INVENTORY, else"
                + " ./inventory.yaml) and the same --json, --plain, -v, -q and --debug; commands that contact hosts"
                + " also take --transport and --parallel, and --limit takes host and role names.")
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (asksForTheVersionOnly(args)) {
            // The version alone needs no command model: building it (picocli's reflection over the annotations, the
            // proxies for them) was most of a --version's 0.3 s. The text is the one picocli prints (MainTest).
            System.out.print(versionText());
            System.out.flush();
            System.exit(0);
        }
        CliLogging.configure(args);
        System.exit(commandLine(Subcommands.neededBy(args)).execute(args));
    }

    /** {@code --version} or {@code -V} and nothing else. */
    static boolean asksForTheVersionOnly(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    /** What {@code --version} prints: the version provider's lines, each ended by the platform's line separator. */
    static String versionText() {
        StringBuilder s = new StringBuilder();
        for (String line : new VersionProvider().getVersion()) {
            s.append(line).append(System.lineSeparator());
        }
        return s.toString();
    }

    /** The configured command line with every subcommand, also used by tests through {@code execute}. */
    public static CommandLine commandLine() {
        return commandLine(Subcommands.names());
    }

    /** The configured command line with only the subcommands called {@code names} (see {@link Subcommands}). */
    static CommandLine commandLine(List<String> names) {
        CommandLine cl = HelpLayout.apply(Subcommands.register(new CommandLine(new Main()), names));
        cl.setExecutionStrategy(new OutputExecution());
        cl.setExitCodeExceptionMapper(ErrorReporter::exitCode);
        cl.setExecutionExceptionHandler(new ErrorReporter());
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints the version from the jar's build metadata. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"provisioner " + Version.current(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
