package dev.provisioner.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read from the picocli model: every command that reads an inventory takes the shared options, and a
 * shared option means the same wherever it appears (it is declared once, in its mixin).
 */
class SharedOptionsTest {
    /** Every command that takes an inventory takes these. */
    private static final List<String> EVERY_INVENTORY_COMMAND = List.of("--inventory", "--json", "--plain", "--verbose",
            "--quiet", "--debug");
    /** Commands whose -i is the lab's own inventory file (written by lab up), not an inventory to read. */
    private static final Set<String> LAB = Set.of("lab up", "lab status", "lab down");

    /** The mixins that declare the shared options, by option name. */
    private static final Map<String, Object> MIXINS = Map.of("--inventory", new InventoryOption(), "--json", new OutputOptions(),
            "--transport", new ConnectOptions(), "--limit", new LimitOption(),
            "--yes", new YesOption(), "--state", new StateOption(), "--artifacts", new ArtifactOptions(),
            "--templates", new TemplatesOption());

    @Test
    void everyInventoryCommandAcceptsTheSharedOptions() {
        List<String> checked = new ArrayList<>();
        for (CommandLine cl : CliReference.commands(Main.commandLine())) {
            String name = cl.getCommandSpec().qualifiedName(" ").replaceFirst("^provisioner ?", "");
            if (cl.getCommandSpec().findOption("--inventory") == null || LAB.contains(name)) {
                continue;
            }
            for (String option : EVERY_INVENTORY_COMMAND) {
                assertThat(cl.getCommandSpec().findOption(option)).as(name + " " + option).isNotNull();
            }
            List<String> args = new ArrayList<>(List.of("-i", "inv.yaml", "--json", "--plain", "-v", "-q", "--debug"));
            args.addAll(required(cl.getCommandSpec()));
            CommandLine.ParseResult parsed = parse(name, args);
            assertThat(parsed.errors()).as(name).isEmpty();
            assertThat(parsed.hasMatchedOption("--debug") && parsed.hasMatchedOption("--json")).as(name).isTrue();
            checked.add(name);
        }
        assertThat(checked).contains("validate", "render", "plan", "apply", "run", "check", "upgrade", "reset",
                "remove-node", "certs check", "certs ensure", "certs issue", "etcd snapshot", "etcd restore",
                "etcd member-remove");
    }

    @Test
    void aSharedOptionMeansTheSameOnEveryCommand() {
        Map<String, OptionSpec> canonical = new java.util.HashMap<>();
        MIXINS.values().forEach(m -> CommandSpec.forAnnotatedObject(m).options().forEach(o -> canonical.put(o.longestName(), o)));
        int seen = 0;
        for (CommandLine cl : CliReference.commands(Main.commandLine())) {
            String name = cl.getCommandSpec().qualifiedName(" ");
            for (OptionSpec o : cl.getCommandSpec().options()) {
                OptionSpec c = canonical.get(o.longestName());
                if (c == null || (o.longestName().equals("--inventory") && LAB.contains(name.replace("provisioner ", "")))) {
                    continue;
                }
                seen++;
                assertThat(o.names()).as(name + " " + o.longestName()).containsExactly(c.names());
                assertThat(Arrays.asList(o.description())).as(name + " " + o.longestName())
                        .isEqualTo(Arrays.asList(c.description()));
                assertThat(o.paramLabel()).as(name + " " + o.longestName()).isEqualTo(c.paramLabel());
            }
        }
        assertThat(seen).isGreaterThan(100);
    }

    @Test
    void commandsThatContactHostsTakeTransportParallelAndLimit() {
        for (String command : List.of("plan", "apply", "upgrade", "run", "reset")) {
            CommandSpec spec = fresh(command).getCommandSpec();
            for (String option : List.of("--transport", "--parallel", "--limit")) {
                assertThat(spec.findOption(option)).as(command + " " + option).isNotNull();
            }
        }
        assertThat(fresh("check").getCommandSpec().findOption("--transport")).isNotNull();
        for (String command : List.of("reset", "remove-node", "etcd restore")) {
            assertThat(fresh(command).getCommandSpec().findOption("--yes")).as(command).isNotNull();
        }
    }

    @Test
    void theInventoryDefaultsToTheEnvironmentThenTheWorkingDirectory() {
        CommandLine.ParseResult validate = parse("validate", List.of());
        InventoryOption option = (InventoryOption) validate.commandSpec().mixins().get("inventory").userObject();
        String env = System.getenv(InventoryOption.ENV);
        assertThat(option.file()).hasToString(env != null ? env : InventoryOption.DEFAULT_FILE);
    }

    /** A dummy value for every required option and positional parameter of {@code spec}. */
    private static List<String> required(CommandSpec spec) {
        List<String> args = new ArrayList<>();
        spec.options().stream().filter(OptionSpec::required).forEach(o -> args.addAll(List.of(o.longestName(), "x")));
        spec.positionalParameters().stream().filter(p -> p.arity().min() > 0).forEach(p -> args.add("x"));
        return args;
    }

    /** The parse result of (sub)command {@code name} given {@code args}, parsed from the top as main does. */
    private static CommandLine.ParseResult parse(String name, List<String> args) {
        List<String> all = new ArrayList<>(List.of(name.split(" ")));
        all.addAll(args);
        CommandLine.ParseResult p = Main.commandLine().parseArgs(all.toArray(String[]::new));
        while (p.hasSubcommand()) {
            p = p.subcommand();
        }
        return p;
    }

    /** A new command line for the (sub)command called {@code name}, e.g. "etcd restore". */
    private static CommandLine fresh(String name) {
        CommandLine cl = Main.commandLine();
        for (String part : name.split(" ")) {
            cl = cl.getSubcommands().get(part);
        }
        return cl;
    }
}
