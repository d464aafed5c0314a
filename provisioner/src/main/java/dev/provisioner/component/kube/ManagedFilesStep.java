package dev.provisioner.component.kube;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.step.Action;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Rendered files (configs, kubeconfigs, units) written when content, mode or owner differ. */
public final class ManagedFilesStep implements Step {
    private final String name;
    private final Function<StepContext, List<DesiredFile>> files;
    private final FactsQuery renderFacts;

    public ManagedFilesStep(String name, Function<StepContext, List<DesiredFile>> files) {
        this(name, files, FactsQuery.EMPTY);
    }

    /** @param renderFacts what rendering the files reads from the host's facts, besides the files themselves */
    public ManagedFilesStep(String name, Function<StepContext, List<DesiredFile>> files, FactsQuery renderFacts) {
        this.name = Objects.requireNonNull(name, "name");
        this.files = Objects.requireNonNull(files, "files");
        this.renderFacts = Objects.requireNonNull(renderFacts, "renderFacts");
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return Converge.query(files(ctx)).and(renderFacts);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        return files.apply(ctx);
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        List<Action> actions = new ArrayList<>();
        List<DesiredFile> all = files(ctx);
        for (DesiredFile f : all) {
            Converge.file(f, ctx.facts().orElseThrow()).ifPresent(actions::add);
        }
        return StepOutcome.of(actions, all.size() + " files up to date");
    }
}
