package dev.provisioner.cli;

import dev.provisioner.api.Provisioner;
import dev.provisioner.api.CisOutcome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code provisioner cis -i INV}: the CIS benchmark on every file the plan would write (the same gate
 * {@code plan} and {@code apply} pass first), without contacting any host.
 */
@Command(name = "cis", mixinStandardHelpOptions = true,
        header = "Check the rendered configuration against the CIS Kubernetes Benchmark; contacts no host.",
        description = "The same gate plan, apply and upgrade pass first: every decidable check on every file the plan"
                + " would write (template overrides included). A check that fails without an exception accepted in"
                + " cluster.cis.exceptions (with a reason) exits 2, as plan and apply would refuse.")
@Exits({ExitCode.OK, ExitCode.INVALID_INPUT})
public final class CisCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Mixin
    OutputOptions output;

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
        CisOutcome verdict = p.get().cis();
        out.println(verdict.report());
        verdict.accepted().forEach(l -> out.println("accepted: " + l));
        verdict.refused().forEach(l -> out.println("refused: " + l));
        out.printf("%s: %d refused, %d accepted exception(s)%n", verdict.passed() ? "passed" : "failed",
                verdict.refused().size(), verdict.accepted().size());
        out.flush();
        return verdict.passed() ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
    }
}
