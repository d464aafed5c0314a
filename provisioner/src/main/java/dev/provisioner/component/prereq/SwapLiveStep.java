package dev.provisioner.component.prereq;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.FileProbe;
import dev.provisioner.facts.FileState;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.Arrays;
import java.util.List;

/**
 * No active swap now ({@code swapoff -a}), read from {@code /proc/swaps}. In a container the swap
 * devices are the host machine's and {@code swapoff} is not permitted: the step says so and changes
 * nothing; on a VM a swap that stays on fails the run.
 */
final class SwapLiveStep implements Step {
    static final String SWAPS = "/proc/swaps";

    @Override
    public String name() {
        return "swap-off";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return FactsQuery.file(SWAPS, FileProbe.content()).and(Confinement.query());
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        HostFacts facts = ctx.facts().orElseThrow();
        FileState swaps = facts.file(SWAPS);
        Confinement where = Confinement.of(facts);
        if (!swaps.exists()) {
            return StepOutcome.converged("no " + SWAPS + ": the kernel has no swap support, nothing to turn off" + where.note());
        }
        List<String> active = active(swaps.text().orElse(""));
        if (active.isEmpty()) {
            return StepOutcome.converged("no active swap" + where.note());
        }
        if (where.inContainer()) {
            return StepOutcome.converged("cannot apply here: swap " + String.join(", ", active) + " is active, but "
                    + where.why() + "; swapoff is not permitted in a container: turn swap off on that machine");
        }
        return StepOutcome.of(List.of(RunCommand.of("swapoff -a (active: " + String.join(", ", active) + ")",
                "swapoff -a\n"
                        + "if [ \"$(wc -l < /proc/swaps)\" -gt 1 ]; then echo 'swap is still active after swapoff -a:' >&2; cat /proc/swaps >&2; exit 1; fi")),
                "");
    }

    /** The device names after the header line of /proc/swaps. */
    static List<String> active(String procSwaps) {
        return Arrays.stream(procSwaps.split("\n")).skip(1).map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.split("\\s+")[0]).toList();
    }
}
