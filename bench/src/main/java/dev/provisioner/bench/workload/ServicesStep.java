package dev.provisioner.bench.workload;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.step.Action;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.RestartOnChange;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two services: unit files, enabled and running, each restarted when its environment file or
 * unit file changed in the run (bench-b also when the optional package was installed).
 */
final class ServicesStep implements Step {
    private final WorkloadValues values;

    ServicesStep(WorkloadValues values) {
        this.values = values;
    }

    @Override
    public String name() {
        return "bench-services";
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        Map<String, Object> model = Model.of(ctx, values);
        List<DesiredFile> out = new ArrayList<>();
        for (String unit : Workload.UNITS) {
            out.add(DesiredFile.text(unitPath(unit), ctx.templates().render("bench/" + unit + ".ftl", model)).asUnitFile());
        }
        return out;
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return Converge.query(files(ctx)).and(FactsQuery.units(Workload.UNITS.toArray(String[]::new)));
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        var facts = ctx.facts().orElseThrow();
        List<Action> actions = new ArrayList<>();
        files(ctx).forEach(f -> Converge.file(f, facts).ifPresent(actions::add));
        Workload.UNITS.forEach(u -> Converge.unit(u, facts).ifPresent(actions::add));
        actions.add(new RestartOnChange("bench-a.service",
                Set.of(unitPath("bench-a.service"), "/etc/bench/a.env", "/etc/bench/app.yaml", "/etc/bench/app.json"), Set.of()));
        actions.add(new RestartOnChange("bench-b.service", Set.of(unitPath("bench-b.service"), "/etc/bench/b.env"),
                Set.of(Workload.PACKAGE)));
        return StepOutcome.of(actions, "bench-a and bench-b are active and enabled");
    }

    private static String unitPath(String unit) {
        return "/etc/systemd/system/" + unit;
    }
}
