package dev.provisioner.component.kube;

import dev.provisioner.artifacts.Arch;
import dev.provisioner.artifacts.ResolvedArtifact;
import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.FileProbe;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.step.Action;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.Placement;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.component.InstalledVersions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Installs release binaries (verified on the controller by {@link KubeArtifacts}) at their paths, 0755
 * root. The host reports only checksums of the installed files; a binary is uploaded only when it differs.
 * Binaries are not part of {@code render}: they need the artifacts, and rendering must work without them.
 * When the artifacts cannot be had, planning fails with {@link dev.provisioner.artifacts.MissingArtifacts},
 * which the engine reports as an incomplete run.
 */
public final class ReleaseBinariesStep implements Step {
    private final String name;
    private final KubeArtifacts artifacts;
    private final Function<StepContext, List<ReleaseBinary>> binaries;

    /**
     * @param name      step name
     * @param artifacts the shared resolver of the install's release files
     * @param binaries  what this host needs
     */
    public ReleaseBinariesStep(String name, KubeArtifacts artifacts, Function<StepContext, List<ReleaseBinary>> binaries) {
        this.name = Objects.requireNonNull(name, "name");
        this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
        this.binaries = Objects.requireNonNull(binaries, "binaries");
    }

    @Override
    public String name() {
        return name;
    }

    /** What this step installs on the context's host. */
    public List<ReleaseBinary> binaries(StepContext ctx) {
        return binaries.apply(ctx);
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        FactsQuery q = FactsQuery.EMPTY;
        for (ReleaseBinary b : binaries(ctx)) {
            q = q.and(FactsQuery.file(b.path(), FileProbe.metadata()));
        }
        return q.and(Converge.query(records(ctx)));
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        HostFacts facts = ctx.facts().orElseThrow();
        Arch arch = Arch.parse(facts.architecture());
        List<Action> actions = new ArrayList<>();
        List<String> installed = new ArrayList<>();
        for (ReleaseBinary b : binaries(ctx)) {
            ResolvedArtifact artifact = artifacts.artifact(b, arch);
            Path local = artifact.binary(b.name());
            Converge.file(desired(b, local), facts).ifPresent(actions::add);
            installed.add(b.path() + " (" + b.component() + " " + b.version() + ", " + artifact.origin().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        // After the binaries: the record changes in the same batch as the binary it describes.
        records(ctx).forEach(r -> Converge.file(r, facts).ifPresent(actions::add));
        return StepOutcome.of(actions, "installed: " + String.join(", ", installed));
    }

    /** The installed-version record of each component, read back by {@code upgrade}. */
    List<DesiredFile> records(StepContext ctx) {
        java.util.Map<String, String> versions = new java.util.LinkedHashMap<>();
        binaries(ctx).forEach(b -> versions.put(b.component(), b.version()));
        List<DesiredFile> out = new ArrayList<>();
        versions.forEach((c, v) -> out.add(InstalledVersions.record(c, v)));
        return out;
    }

    /** The binary as a file: executable, root-owned, never diffed (marked sensitive so no content is fetched or shown). */
    static DesiredFile desired(ReleaseBinary b, Path local) {
        try {
            return new DesiredFile(b.path(), Files.readAllBytes(local), 0755, "root", "root", Placement.ATOMIC, true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + local, e);
        }
    }
}
