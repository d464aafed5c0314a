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
        description = {"Write every file the plan would put on the hosts to DIR/<host>/<absolute path>; contacts no host"
                + " and changes nothing in the state directory (keys it does not hold yet are made for this render only).",
                "Folders are created 0700, keys 0600; DIR must be empty or new (see --force); links in DIR are refused."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:files written", "1:a template failed to render", "2:the inventory or options are invalid"})
public final class RenderCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

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
        Optional<Inventory> inv = InventoryFile.load(run.inventory, err);
        if (inv.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        Path state = run.state != null ? run.state : ClusterStateOptions.defaultStateDirectory(run.inventory, inv.get().cluster().name());
        List<Path> written;
        try (ScratchState scratch = ScratchState.copyOf(state)) {
            run.state = scratch.directory();
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
            run.state = state;
        }
        out.printf("%d files for %d hosts in %s%n", written.size(),
                written.stream().map(f -> output.toAbsolutePath().normalize().relativize(f).getName(0)).distinct().count(), output);
        return ExitCodes.OK;
    }
}
