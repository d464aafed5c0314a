package dev.provisioner.bench.workload;

import dev.provisioner.component.hosts.HostsBlock;
import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.FileProbe;
import dev.provisioner.facts.FileState;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.List;
import java.util.Map;

/**
 * Three names in /etc/hosts, in the project's managed block (rendered with the built-in
 * {@code hosts/hosts-block.ftl}, merged with {@link HostsBlock}); every other line stays. In place,
 * because Docker bind-mounts /etc/hosts.
 */
final class HostsLinesStep implements Step {
    static final String PATH = "/etc/hosts";
    private static final List<Map<String, String>> LINES = List.of(
            Map.of("address", "10.254.0.1", "name", "bench-db"),
            Map.of("address", "10.254.0.2", "name", "bench-cache"),
            Map.of("address", "10.254.0.3", "name", "bench-queue"));

    @Override
    public String name() {
        return "bench-hosts";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return FactsQuery.file(PATH, FileProbe.content());
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        String existing = ctx.facts().map(f -> f.file(PATH)).flatMap(FileState::text).orElse("");
        String block = ctx.templates().render("hosts/hosts-block.ftl", Map.of("cluster", "bench", "hosts", LINES));
        return List.of(DesiredFile.text(PATH, HostsBlock.merge(existing, block)).inPlace());
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        return Converge.file(files(ctx).get(0), ctx.facts().orElseThrow())
                .<StepOutcome>map(p -> StepOutcome.of(List.of(p), ""))
                .orElseGet(() -> StepOutcome.converged(PATH + " lists the 3 bench names"));
    }
}
