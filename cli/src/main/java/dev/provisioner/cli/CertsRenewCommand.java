package dev.provisioner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code provisioner certs renew -i INV [--within D]}: renews leaf certificates and rolls them out. */
@Command(name = "renew", mixinStandardHelpOptions = true,
        header = "Renew leaf certificates and roll them out, one etcd member and master at a time.",
        description = "Reissues in the state directory every leaf certificate (all, or with --within those that expire"
                + " within that time) from the existing CAs, then applies: the new certificates are distributed and"
                + " exactly the services that read a changed one restart, etcd and the control plane one host at a"
                + " time, each healthy before the next, so the API and etcd stay available. Takes the options of apply"
                + " (--only/--skip to restrict the phases). The CAs are kept.")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT, ExitCode.UNREACHABLE, ExitCode.STEP_FAILED, ExitCode.TIMEOUT,
        ExitCode.INCOMPLETE, ExitCode.LOCKED, ExitCode.INTERRUPTED})
public final class CertsRenewCommand implements Callable<Integer>, OutputOptions.SelfRendering {
    @Mixin
    RunOptions run;

    @Mixin
    OutputOptions output;

    @Option(names = "--within", paramLabel = "DURATION",
            description = "renew only the leaf certificates that expire within this time, e.g. 30d (default: all)")
    String within;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        Optional<Duration> window;
        try {
            window = within == null ? Optional.empty() : Optional.of(Durations.parse(within));
        } catch (IllegalArgumentException e) {
            err.println("error: --within: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        try {
            return ApplyRun.apply(run, output, "certs renew", spec.commandLine().getOut(), err, p -> p.renewCertificates(window));
        } catch (IllegalArgumentException e) {
            err.println("error: --within: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
    }
}
