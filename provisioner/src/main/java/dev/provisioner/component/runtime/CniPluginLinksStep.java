package dev.provisioner.component.runtime;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.FileProbe;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.transport.Command;

import java.util.List;

/**
 * The packaged CNI plugins the pod network needs, linked into {@value ContainerdLayout#CNI_BIN_DIR}
 * (where containerd's config, the kubelet and flannel's CNI plugin look). A plugin already there (a
 * link or a file someone installed) is left alone. Packages source only: with release binaries the
 * plugins are installed by {@link RuntimeBinariesStep}.
 */
final class CniPluginLinksStep implements Step {
    static final List<String> PLUGINS = List.of("bridge", "host-local", "loopback", "portmap", "bandwidth", "firewall", "tuning");

    @Override
    public String name() {
        return "cni-plugins";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        FactsQuery q = FactsQuery.EMPTY;
        if (!ContainerdLayout.fromPackages(ctx.inventory())) {
            return q;
        }
        for (String p : PLUGINS) {
            q = q.and(FactsQuery.file(target(p), FileProbe.metadata()));
        }
        return q;
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        if (!ContainerdLayout.fromPackages(ctx.inventory())) {
            return StepOutcome.converged("CNI plugins come from the " + RuntimeRelease.CNI_PLUGINS + " release");
        }
        HostFacts facts = ctx.facts().orElseThrow();
        String from = ContainerdLayout.of(ctx.osFamily()).packagedCniDir();
        List<String> missing = PLUGINS.stream().filter(p -> !facts.file(target(p)).exists()).toList();
        if (missing.isEmpty()) {
            return StepOutcome.converged(ContainerdLayout.CNI_BIN_DIR + " has " + String.join(", ", PLUGINS));
        }
        StringBuilder s = new StringBuilder("mkdir -p " + ContainerdLayout.CNI_BIN_DIR + "\n");
        for (String p : missing) {
            String src = Command.quote(from + "/" + p);
            s.append("[ -x ").append(src).append(" ] || { echo ").append(Command.quote("missing CNI plugin " + from + "/" + p))
             .append(" >&2; exit 1; }\n")
             .append("ln -sfn ").append(src).append(' ').append(Command.quote(target(p))).append('\n');
        }
        return StepOutcome.of(List.of(RunCommand.of("link CNI plugins " + String.join(", ", missing) + " from " + from
                + " into " + ContainerdLayout.CNI_BIN_DIR, s.toString())), "");
    }

    static String target(String plugin) {
        return ContainerdLayout.CNI_BIN_DIR + "/" + plugin;
    }
}
