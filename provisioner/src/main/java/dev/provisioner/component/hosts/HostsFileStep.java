package dev.provisioner.component.hosts;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.FileProbe;
import dev.provisioner.facts.FileState;
import dev.provisioner.inventory.Host;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.List;
import java.util.Map;

/**
 * /etc/hosts lists every inventory host by internal address and name, in a managed block; every
 * other line stays as it is. The file is rewritten in place (not renamed over): inside a container
 * Docker bind-mounts /etc/hosts, and a rename onto a mount point fails with EBUSY.
 */
public final class HostsFileStep implements Step {
    public static final String PATH = "/etc/hosts";

    @Override
    public String name() {
        return "etc-hosts";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        // Always the content: the desired file is the current one with our block merged in.
        return FactsQuery.file(PATH, FileProbe.content());
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        String existing = ctx.facts().map(f -> f.file(PATH)).flatMap(FileState::text).orElse("");
        int mode = ctx.facts().map(f -> f.file(PATH)).filter(FileState::exists).map(FileState::mode).orElse(0644);
        String merged = HostsBlock.merge(existing, block(ctx));
        return List.of(DesiredFile.text(PATH, merged).withMode(mode).inPlace());
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        var put = Converge.file(files(ctx).get(0), ctx.facts().orElseThrow());
        int n = ctx.inventory().hosts().size();
        return put.<StepOutcome>map(p -> StepOutcome.of(List.of(p), ""))
                .orElseGet(() -> StepOutcome.converged(PATH + " lists all " + n + " inventory hosts"));
    }

    private static String block(StepContext ctx) {
        List<Map<String, String>> hosts = ctx.inventory().hosts().stream()
                .map((Host h) -> Map.of("address", h.internalAddress(), "name", h.name())).toList();
        return ctx.templates().render("hosts/hosts-block.ftl",
                Map.of("cluster", ctx.inventory().cluster().name(), "hosts", hosts));
    }
}
