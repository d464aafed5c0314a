package dev.provisioner.api;

import dev.provisioner.engine.ExecObserver;
import dev.provisioner.engine.Executor;
import dev.provisioner.engine.preflight.PreflightChecks;
import dev.provisioner.engine.Mode;
import dev.provisioner.engine.PlanRenderer;
import dev.provisioner.engine.RunOutcome;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.operation.OperationSettings;
import dev.provisioner.ops.savedplan.PlanInputs;
import dev.provisioner.ops.savedplan.SavedPlan;
import dev.provisioner.ops.savedplan.SavedPlans;
import dev.provisioner.step.Plan;
import dev.provisioner.template.TemplateRenderer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** {@link Provisioner#plan(Path)} and {@link Provisioner#apply(Path)}: saving a plan and applying exactly it. */
final class SavedPlanRuns {
    private final Inventory inventory;
    private final Plan plan;
    private final TemplateRenderer templates;
    private final Set<String> limitHosts;
    private final OperationSettings settings;
    private final ExecObserver events;

    SavedPlanRuns(Inventory inventory, Plan plan, TemplateRenderer templates, Set<String> limitHosts,
                  OperationSettings settings, ExecObserver events) {
        this.inventory = inventory;
        this.plan = plan;
        this.templates = templates;
        this.limitHosts = limitHosts;
        this.settings = settings;
        this.events = events;
    }

    ProvisionReport save(Path out) {
        Map<String, SortedMap<String, String>> facts = SavedPlans.factsHolder();
        RunOutcome outcome = Executor.within(settings.start("plan", false), Mode.PLAN, limitHosts, events)
                .withFactsGate(new PreflightChecks(inventory).and(SavedPlans.recording(facts))).run(plan, inventory, templates);
        ProvisionReport report = report(outcome);
        if (report.ok()) {
            current(outcome, facts).write(out);
        }
        return report;
    }

    ProvisionReport apply(Path file) {
        SavedPlan saved;
        try {
            saved = SavedPlan.read(file);
        } catch (IllegalArgumentException e) {
            throw new SavedPlanRefusedException(List.of(e.getMessage()));
        }
        // A quiet plan run: the facts and actions of now, compared with the saved ones before anything changes.
        Map<String, SortedMap<String, String>> facts = SavedPlans.factsHolder();
        RunOutcome check = Executor.within(settings.start("plan", false), Mode.PLAN, limitHosts, ExecObserver.NONE)
                .withFactsGate(new PreflightChecks(inventory).and(SavedPlans.recording(facts))).run(plan, inventory, templates);
        if (!check.failures().isEmpty()) {
            return report(check);
        }
        List<String> differences = SavedPlans.differences(saved, current(check, facts));
        if (!differences.isEmpty()) {
            throw new SavedPlanRefusedException(differences);
        }
        // The apply's own preflight refuses, before any change, a host that changed since the check.
        return report(Executor.within(settings.start("apply", true), Mode.APPLY, limitHosts, events)
                .withFactsGate(new PreflightChecks(inventory).and(SavedPlans.matching(saved))).run(plan, inventory, templates));
    }

    private SavedPlan current(RunOutcome outcome, Map<String, SortedMap<String, String>> facts) {
        return new SavedPlan(PlanInputs.inventory(inventory), PlanInputs.templates(templates),
                PlanInputs.desired(PlanRenderer.render(plan, inventory, templates, limitHosts)), new TreeMap<>(facts),
                SavedPlans.actions(outcome));
    }

    private ProvisionReport report(RunOutcome outcome) {
        return Reports.report(outcome, inventory.hosts().stream().map(Host::name).toList());
    }
}
