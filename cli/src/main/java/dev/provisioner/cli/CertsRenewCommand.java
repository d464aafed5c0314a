package dev.provisioner.cli;

import dev.provisioner.api.CaRotationRefusedException;
import dev.provisioner.api.Provisioner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code provisioner certs renew -i INV [--within D]}: renews leaf certificates and rolls them out;
 * {@code --ca} rotates the CAs (phase 1), {@code --ca --finish} ends the rotation's transition (phase 2).
 */
@Command(name = "renew", mixinStandardHelpOptions = true,
        header = "Renew leaf certificates (or rotate the CAs: --ca) and roll them out, one etcd member and master at a time.",
        description = "Reissues in the state directory every leaf certificate (all, or with --within those that expire"
                + " within that time) from the existing CAs, then applies: the new certificates are distributed and"
                + " exactly the services that read a changed one restart, etcd and the control plane one host at a"
                + " time, each healthy before the next, so the API and etcd stay available. Takes the options of apply"
                + " (--only/--skip to restrict the phases). The CAs are kept."
                + "%n%nWith --ca it rotates the cluster, etcd and front-proxy CAs in two phases (docs/pki.md). Phase 1"
                + " (--ca): new CAs are made in the state directory beside the old ones; every host first receives CA"
                + " bundles trusting old and new, then every leaf certificate is reissued by the new CAs and rolled out."
                + " Servers then accept client certificates of either CA. Phase 2 (--ca --finish), once every client"
                + " outside the cluster has the new CA: the old CAs leave every bundle and are deleted. `certs check`"
                + " shows the rotation's phase. A failed or interrupted phase resumes when the same command runs again."
                + " Refused (exit code 1, nothing changed): --ca while a rotation's phase 1 has completed; --finish"
                + " with no rotation in progress or before its phase 1 completed; either with --limit.")
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

    @Option(names = "--ca", description = "rotate the CAs: phase 1 (new CAs trusted beside the old, every leaf reissued"
            + " by the new ones); with --finish, phase 2 (the old CAs dropped)")
    boolean ca;

    @Option(names = "--finish", description = "with --ca: end the rotation's transition, dropping the old CAs from"
            + " every host")
    boolean finish;

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
        if (finish && !ca) {
            err.println("error: --finish ends a CA rotation: give it with --ca");
            return ExitCodes.INVALID_INPUT;
        }
        if (ca && within != null) {
            err.println("error: --within and --ca exclude each other (a CA rotation reissues every leaf)");
            return ExitCodes.INVALID_INPUT;
        }
        if (ca) {
            try {
                return ApplyRun.apply(run, output, finish ? "certs renew --ca --finish" : "certs renew --ca",
                        spec.commandLine().getOut(), err, finish ? Provisioner::finishCaRotation : Provisioner::rotateCa);
            } catch (CaRotationRefusedException e) {
                err.println("error: " + e.getMessage() + "; nothing was changed");
                return ExitCodes.ERROR;
            }
        }
        try {
            return ApplyRun.apply(run, output, "certs renew", spec.commandLine().getOut(), err, p -> p.renewCertificates(window));
        } catch (IllegalArgumentException e) {
            err.println("error: --within: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
    }
}
