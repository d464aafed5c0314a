package dev.provisioner.cli;

import dev.provisioner.api.ActionReport;
import dev.provisioner.api.ProvisionEvent;
import dev.provisioner.api.ProvisionListener;
import dev.provisioner.api.StepReport;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Plain progress lines (not a terminal, {@code --plain}, and the log file): phase headers, one line
 * per step directly followed by the diffs of the files it wrote (their headers name the host, see
 * {@link HostDiff}); with {@code verbose} also every action and the hosts' output.
 */
final class ConsoleListener implements ProvisionListener {
    private final PrintWriter out;
    private final boolean verbose;

    ConsoleListener(PrintWriter out) {
        this(out, false);
    }

    ConsoleListener(PrintWriter out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    @Override
    public synchronized void onEvent(ProvisionEvent event) {
        if (event instanceof ProvisionEvent.PhaseStarted p) {
            out.printf("== %s (%s)%n", p.phase(), p.hosts().isEmpty() ? "no hosts" : String.join(", ", p.hosts()));
        } else if (event instanceof ProvisionEvent.StepFinished f) {
            step(f.report());
        } else if (event instanceof ProvisionEvent.ActionEvent a) {
            if (verbose) {
                out.printf("  %-12s %-20s -> %s%n", a.host(), a.step(), a.action().description());
            }
        } else if (event instanceof ProvisionEvent.OutputLine o && verbose) {
            out.printf("  %-12s %s %s%n", o.host(), o.stderr() ? "!" : "|", o.line());
        } else if (event instanceof ProvisionEvent.PhaseFinished p) {
            out.printf("== %s %s in %.1fs%n", p.phase(), p.ok() ? "finished" : "FAILED", p.duration().toMillis() / 1000.0);
        } else if (event instanceof ProvisionEvent.RunFinished r) {
            out.printf("%s %s in %.1fs%n", r.mode().name().toLowerCase(Locale.ROOT), r.ok() ? "finished" : "FAILED",
                    r.duration().toMillis() / 1000.0);
        }
        out.flush();
    }

    private void step(StepReport r) {
        String reason = r.reason();
        int nl = reason.indexOf('\n');
        out.printf("  %-12s %-20s %-9s %s%n", r.host(), r.step(), r.status().name().toLowerCase(Locale.ROOT),
                nl < 0 || verbose ? reason : reason.substring(0, nl) + " ...");
        HostDiff.of(r).forEach(l -> out.println("     " + l));
        r.failure().ifPresent(f -> {
            if (!f.stderrTail().isBlank()) {
                f.stderrTail().lines().forEach(l -> out.println("     | " + l));
            }
        });
    }

    /** The action's diff, if any, headers naming {@code host}. */
    static void diff(PrintWriter out, String host, ActionReport a, String indent) {
        HostDiff.lines(host, a.diff()).forEach(l -> out.println(indent + l));
    }
}
