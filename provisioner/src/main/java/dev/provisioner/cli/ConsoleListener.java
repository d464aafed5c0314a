package dev.provisioner.cli;

import dev.provisioner.api.ActionReport;
import dev.provisioner.api.ProvisionEvent;
import dev.provisioner.api.ProvisionListener;
import dev.provisioner.api.StepReport;

import java.io.PrintWriter;
import java.util.Locale;

/** Human progress for {@code apply}: phase headers, one line per step, diffs of written files. */
final class ConsoleListener implements ProvisionListener {
    private final PrintWriter out;

    ConsoleListener(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onEvent(ProvisionEvent event) {
        if (event instanceof ProvisionEvent.PhaseStarted p) {
            out.printf("== %s (%s)%n", p.phase(), p.hosts().isEmpty() ? "no hosts" : String.join(", ", p.hosts()));
        } else if (event instanceof ProvisionEvent.StepFinished f) {
            step(f.report());
        } else if (event instanceof ProvisionEvent.ActionEvent a && !a.action().diff().isEmpty()) {
            diff(out, a.action(), "     ");
        } else if (event instanceof ProvisionEvent.RunFinished r) {
            out.printf("%s %s in %.1fs%n", r.mode().name().toLowerCase(Locale.ROOT), r.ok() ? "finished" : "FAILED",
                    r.duration().toMillis() / 1000.0);
        }
        out.flush();
    }

    private void step(StepReport r) {
        out.printf("  %-12s %-20s %-9s %s%n", r.host(), r.step(), r.status().name().toLowerCase(Locale.ROOT), r.reason());
        r.failure().ifPresent(f -> {
            if (!f.stderrTail().isBlank()) {
                f.stderrTail().lines().forEach(l -> out.println("     | " + l));
            }
        });
    }

    static void diff(PrintWriter out, ActionReport a, String indent) {
        a.diff().lines().forEach(l -> out.println(indent + l));
    }
}
