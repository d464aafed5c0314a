package dev.provisioner.component.prereq;

import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.List;
import java.util.Map;

/** /etc/modules-load.d/k8s.conf: the modules systemd-modules-load loads at every boot. */
final class ModulesConfigStep implements Step {
    static final String PATH = "/etc/modules-load.d/k8s.conf";
    private final PrereqSettings settings;

    ModulesConfigStep(PrereqSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "kernel-modules-config";
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        String text = ctx.templates().render("prereq/modules-load.conf.ftl",
                Map.of("cluster", ctx.inventory().cluster().name(), "modules", settings.modules()));
        return List.of(DesiredFile.text(PATH, text));
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        return Converge.file(files(ctx).get(0), ctx.facts().orElseThrow())
                .<StepOutcome>map(p -> StepOutcome.of(List.of(p), ""))
                .orElseGet(() -> StepOutcome.converged(PATH + " loads " + String.join(", ", settings.modules()) + " at boot"));
    }
}
