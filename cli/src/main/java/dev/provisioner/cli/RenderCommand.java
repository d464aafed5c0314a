package dev.provisioner.cli;

import dev.provisioner.api.Provisioner;
import dev.provisioner.api.RenderOutput;
import dev.provisioner.api.RenderOutputException;
import dev.provisioner.api.RenderReport;
import dev.provisioner.inventory.Inventory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code provisioner render -i INV -o DIR}: every file the plan would write, without contacting hosts. */
@Command(name = "render", mixinStandardHelpOptions = true,
        header = "Write every file the plan would put on the hosts into a directory; contacts no host.",
        description = "Each file goes to DIR/<host>/<absolute path>, rendered exactly as apply would write it. Changes"
                + " nothing in the state directory (keys it does not hold yet are made for this render only). Folders are"
                + " created 0700, keys 0600; DIR must be empty or new (see --force); links in DIR are refused. A template"
                + " that fails to render: exit code 1.")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT})
public final class RenderCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Mixin
    OutputOptions outputMode;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "output directory")
    Path output;

    @Option(names = "--force", description = "write into a non-empty DIR, replacing files of the same name")
    boolean force;

    @Option(names = "--redact-keys", description = "write private keys and other secrets as a one-line placeholder")
    boolean redactKeys;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Inventory inv = run.cluster.loadInventory();
        Path state = run.stateDirectory(inv);
        Path stateOption = run.cluster.state.dir;
        List<Path> written;
        try (ScratchState scratch = ScratchState.copyOf(state)) {
            run.cluster.state.dir = scratch.directory();
            Optional<Provisioner> p = run.provisioner(err, List.of());
            if (p.isEmpty()) {
                return ExitCodes.INVALID_INPUT;
            }
            RenderReport report = p.get().render();
            written = RenderOutput.write(report, output, new RenderOutput.Options(force, redactKeys));
            written.forEach(f -> out.println(f));
        } catch (RenderOutputException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        } finally {
            run.cluster.state.dir = stateOption;
        }
        out.printf("%d files for %d hosts in %s%n", written.size(),
                written.stream().map(f -> output.toAbsolutePath().normalize().relativize(f).getName(0)).distinct().count(), output);
        return ExitCodes.OK;
    }
}
