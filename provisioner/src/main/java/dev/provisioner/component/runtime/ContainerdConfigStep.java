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
 * /etc/containerd/config.toml for the containerd that is (or will be) installed: config version 2
 * for 1.x, version 3 for 2.x; SystemdCgroup, the CNI directories, the pinned sandbox image and
 * {@code config_path} for registry hosts. Before a packaged containerd is installed its version is
 * not known yet, so version 2 is written (every containerd from 1.6 on reads it); once a 2.x package
 * shows up, the next run rewrites it as version 3. With release binaries the inventory's containerd
 * version decides.
 */
final class ContainerdConfigStep implements Step {
    private final RuntimeOptions options;

    ContainerdConfigStep(RuntimeOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "containerd-config";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        FactsQuery q = Converge.query(files(ctx));
        return ContainerdLayout.fromPackages(ctx.inventory()) ? q.and(FactsQuery.packages(ContainerdLayout.PACKAGE)) : q;
    }

    /** The version the config is written for, and where that version came from. */
    static Map.Entry<ContainerdVersion, String> version(StepContext ctx) {
        if (!ContainerdLayout.fromPackages(ctx.inventory())) {
            String release = ctx.inventory().cluster().versions().containerd();
            return Map.entry(ContainerdVersion.parse(release).orElseThrow(), "containerd " + release + " from its release");
        }
        var installed = ctx.facts().flatMap(f -> f.packageVersion(ContainerdLayout.PACKAGE)).flatMap(ContainerdVersion::parse);
        if (installed.isPresent()) {
            return Map.entry(installed.get(), "installed containerd " + installed.get());
        }
        return Map.entry(new ContainerdVersion(1, 6), "containerd package not installed yet; version 2 is read by every containerd >= 1.6");
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        ContainerdVersion v = version(ctx).getKey();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("cluster", ctx.inventory().cluster().name());
        model.put("containerdVersion", v.toString());
        model.put("sandboxImage", options.sandboxImage());
        model.put("certsDir", ContainerdLayout.CERTS_DIR);
        model.put("cniBinDir", ContainerdLayout.CNI_BIN_DIR);
        model.put("cniConfDir", ContainerdLayout.CNI_CONF_DIR);
        model.put("cniBinDirsList", v.cniBinDirsList());
        String template = v.configVersion() == 3 ? "runtime/config-v3.toml.ftl" : "runtime/config-v2.toml.ftl";
        return List.of(DesiredFile.text(ContainerdLayout.CONFIG, ctx.templates().render(template, model)));
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        var v = version(ctx);
        return Converge.file(files(ctx).get(0), ctx.facts().orElseThrow())
                .<StepOutcome>map(p -> StepOutcome.of(List.of(p), ""))
                .orElseGet(() -> StepOutcome.converged(ContainerdLayout.CONFIG + " is up to date (config version "
                        + v.getKey().configVersion() + " for " + v.getValue() + ")"));
    }
}
