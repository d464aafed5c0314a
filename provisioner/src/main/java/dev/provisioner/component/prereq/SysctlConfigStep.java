package dev.provisioner.component.prereq;

import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.List;
import java.util.Map;

/** /etc/sysctl.d/k8s.conf: the sysctls applied at every boot (and by {@code sysctl --system}). */
final class SysctlConfigStep implements Step {
    static final String PATH = "/etc/sysctl.d/k8s.conf";
    private final PrereqSettings settings;

    SysctlConfigStep(PrereqSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "sysctl-config";
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        List<Map<String, String>> entries = settings.sysctls().entrySet().stream()
                .map(e -> Map.of("key", e.getKey(), "value", e.getValue())).toList();
        String text = ctx.templates().render("prereq/sysctl.conf.ftl",
                Map.of("cluster", ctx.inventory().cluster().name(), "sysctls", entries));
        return List.of(DesiredFile.text(PATH, text));
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        return Converge.file(files(ctx).get(0), ctx.facts().orElseThrow())
                .<StepOutcome>map(p -> StepOutcome.of(List.of(p), ""))
                .orElseGet(() -> StepOutcome.converged(PATH + " sets " + String.join(", ", settings.sysctls().keySet()) + " at boot"));
    }
}
