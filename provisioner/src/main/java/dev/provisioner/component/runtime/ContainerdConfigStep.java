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
 * {@code config_path} for registry hosts. The file depends only on the config format's series
 * ({@link ContainerdVersion#series()}), never on the exact release, so one apply converges on every
 * OS whatever 1.x its package brings.
 *
 * <p>Packages source: the installed containerd decides; before it is installed, the version the
 * package manager will install (apt's candidate, read in the same facts round trip, no extra one);
 * when the host's package index is empty too (a fresh image before its first {@code apt-get update}),
 * the 1.x format, which every Debian and Ubuntu release we support ships. With release binaries the
 * inventory's containerd version decides.
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
        return ContainerdLayout.fromPackages(ctx.inventory()) ? q.and(FactsQuery.candidates(ContainerdLayout.PACKAGE, ContainerdLayout.DOCKER_PACKAGE)) : q;
    }

    /** The version the config is written for, and where that version came from. */
    static Map.Entry<ContainerdVersion, String> version(StepContext ctx) {
        if (!ContainerdLayout.fromPackages(ctx.inventory())) {
            String release = ctx.inventory().cluster().versions().containerd();
            return Map.entry(ContainerdVersion.parse(release).orElseThrow(), "containerd " + release + " from its release");
        }
        String pkg = ctx.facts().map(ContainerdLayout::installedPackage).orElse(ContainerdLayout.PACKAGE);
        var installed = ctx.facts().flatMap(f -> f.packageVersion(pkg)).flatMap(ContainerdVersion::parse);
        if (installed.isPresent()) {
            return Map.entry(installed.get(), "installed containerd " + installed.get());
        }
        var candidate = ctx.facts().flatMap(f -> f.candidateVersion(pkg));
        var next = candidate.flatMap(ContainerdVersion::parse);
        if (next.isPresent()) {
            return Map.entry(next.get(), "containerd " + candidate.get() + ", which the package install brings");
        }
        return Map.entry(new ContainerdVersion(1, 6), "containerd package not installed and not in the package index yet;"
                + " the 1.x format, which every supported OS's package reads");
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        ContainerdVersion v = version(ctx).getKey();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("cluster", ctx.inventory().cluster().name());
        model.put("containerdSeries", v.series());
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
