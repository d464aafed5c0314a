package dev.provisioner.cli;

import dev.provisioner.api.Provisioner;
import dev.provisioner.api.RenderReport;
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
        description = "Each file goes to DIR/<host>/<absolute path>, rendered exactly as apply would write it.")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT})
public final class RenderCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Mixin
    OutputOptions outputMode;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "output directory")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Provisioner> p = run.provisioner(err, List.of());
        if (p.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        RenderReport report = p.get().render();
        List<Path> written = report.writeTo(output);
        written.forEach(f -> out.println(f));
        out.printf("%d files for %d hosts in %s%n", written.size(),
                report.files().stream().map(f -> f.host()).distinct().count(), output);
        return ExitCodes.OK;
    }
}
