package dev.provisioner.cli;

import dev.provisioner.api.Provisioner;
import dev.provisioner.cis.CheckResult;
import dev.provisioner.cisgate.CisVerdict;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code provisioner cis -i INV}: the CIS benchmark on every file the plan would write (the same gate
 * {@code plan} and {@code apply} pass first), without contacting any host.
 */
@Command(name = "cis", mixinStandardHelpOptions = true,
        description = "Check the rendered configuration against the CIS Kubernetes Benchmark; contacts no host.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every decidable check passes, or fails with an exception accepted in cluster.cis.exceptions",
                "2:a check fails without an accepted exception (plan and apply would refuse), or the inventory is invalid"})
public final class CisCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

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
        CisVerdict verdict = p.get().cis();
        out.println(verdict.report().render());
        for (Map.Entry<CheckResult, dev.provisioner.inventory.CisException> a : verdict.accepted().entrySet()) {
            out.printf("accepted: CIS %s on %s (%s): %s%n", a.getKey().id(), a.getKey().host(), a.getKey().status(), a.getValue().reason());
        }
        verdict.refusalLines().forEach(l -> out.println("refused: " + l));
        out.printf("%s: %d refused, %d accepted exception(s)%n", verdict.passed() ? "passed" : "failed",
                verdict.refusals().size(), verdict.accepted().size());
        out.flush();
        return verdict.passed() ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
    }
}
