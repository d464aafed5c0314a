package dev.provisioner.component.prereq;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.FileProbe;
import dev.provisioner.facts.FileState;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.transport.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sysctls live in the running kernel, read from {@code /proc/sys}. When some differ, a VM runs
 * {@code sysctl --system} (which reads {@link SysctlConfigStep#PATH}, written earlier in the same
 * batch) and then checks every wanted key, failing the run when one did not take. A container whose
 * {@code /proc/sys} is read-only or whose kernel belongs to another machine cannot change them: the
 * step reports each differing value and changes nothing.
 */
final class SysctlLiveStep implements Step {
    private final PrereqSettings settings;

    SysctlLiveStep(PrereqSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "sysctl";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        FactsQuery q = Confinement.query();
        for (String key : settings.sysctls().keySet()) {
            q = q.and(FactsQuery.file(PrereqSettings.procPath(key), FileProbe.content()));
        }
        return q;
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        HostFacts facts = ctx.facts().orElseThrow();
        Confinement where = Confinement.of(facts);
        List<String> same = new ArrayList<>();
        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, String> e : settings.sysctls().entrySet()) {
            FileState live = facts.file(PrereqSettings.procPath(e.getKey()));
            String now = live.exists() ? normalize(live.text().orElse("")) : null;
            if (e.getValue().equals(now)) {
                same.add(e.getKey() + "=" + now);
            } else {
                differ.add(e.getKey() + " is " + (now == null ? "absent" : now) + ", wanted " + e.getValue());
            }
        }
        String have = same.isEmpty() ? "" : "live: " + String.join(", ", same);
        if (differ.isEmpty()) {
            return StepOutcome.converged(have + where.note());
        }
        if (!where.canChangeKernel()) {
            return StepOutcome.converged("cannot apply here: " + String.join("; ", differ) + ", but " + where.why()
                    + " (" + SysctlConfigStep.PATH + " is in place for a host that boots with it)" + (have.isEmpty() ? "" : "; " + have));
        }
        StringBuilder script = new StringBuilder("sysctl --system >/dev/null || true\n");
        for (Map.Entry<String, String> e : settings.sysctls().entrySet()) {
            String path = Command.quote(PrereqSettings.procPath(e.getKey()));
            script.append("now=$(cat ").append(path).append(" 2>/dev/null || echo absent)\n")
                  .append("if [ \"$(echo $now)\" != ").append(Command.quote(e.getValue())).append(" ]; then echo ")
                  .append(Command.quote(e.getKey() + " is still ")).append("\"$now\"")
                  .append(Command.quote(" after sysctl --system, wanted " + e.getValue())).append(" >&2; exit 1; fi\n");
        }
        return StepOutcome.of(List.of(RunCommand.of("sysctl --system (" + String.join("; ", differ) + ")", script.toString())), "");
    }

    /** Whitespace collapsed, as {@code sysctl -n} would compare ("32768\t60999" is "32768 60999"). */
    static String normalize(String raw) {
        return String.join(" ", raw.strip().split("\\s+"));
    }
}
