package dev.provisioner.component.runtime;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our {@value ContainerdLayout#UNIT_PATH} for release binaries (upstream's unit, K8S-REFERENCE §2.7),
 * 0644 root; a change triggers one daemon-reload. The OS package brings its own unit, so with the
 * packages source there is none.
 */
final class ContainerdUnitStep implements Step {
    @Override
    public String name() {
        return "containerd-unit";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return Converge.query(files(ctx));
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        if (ContainerdLayout.fromPackages(ctx.inventory())) {
            return List.of();
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("cluster", ctx.inventory().cluster().name());
        model.put("version", ctx.inventory().cluster().versions().containerd());
        model.put("binary", ContainerdLayout.RELEASE_BIN_DIR + "/containerd");
        return List.of(DesiredFile.text(ContainerdLayout.UNIT_PATH, ctx.templates().render("runtime/containerd.service.ftl", model))
                .asUnitFile());
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        List<DesiredFile> files = files(ctx);
        if (files.isEmpty()) {
            return StepOutcome.converged("the containerd package brings its own unit");
        }
        return Converge.file(files.get(0), ctx.facts().orElseThrow())
                .<StepOutcome>map(p -> StepOutcome.of(List.of(p), ""))
                .orElseGet(() -> StepOutcome.converged(ContainerdLayout.UNIT_PATH + " is up to date"));
    }
}
