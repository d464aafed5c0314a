package dev.provisioner.component.prereq;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.FileProbe;
import dev.provisioner.facts.FileState;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.List;

/** Swap entries in /etc/fstab commented out, so swap stays off after a reboot. */
final class SwapFstabStep implements Step {
    static final String PATH = "/etc/fstab";

    @Override
    public String name() {
        return "swap-fstab";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        // The desired file is the current one with its swap lines commented out.
        return FactsQuery.file(PATH, FileProbe.content());
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        FileState have = ctx.facts().map(f -> f.file(PATH)).orElse(FileState.absent(PATH));
        if (!have.exists()) {
            return List.of();
        }
        String now = have.text().orElse("");
        return List.of(DesiredFile.text(PATH, Fstab.withoutSwap(now)).withMode(have.mode()).withOwner(have.owner(), have.group()));
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        List<DesiredFile> files = files(ctx);
        if (files.isEmpty()) {
            return StepOutcome.converged("no " + PATH + " on this host, so no swap is mounted at boot");
        }
        return Converge.file(files.get(0), ctx.facts().orElseThrow())
                .<StepOutcome>map(p -> StepOutcome.of(List.of(p), ""))
                .orElseGet(() -> StepOutcome.converged(PATH + " has no active swap entry"));
    }
}
