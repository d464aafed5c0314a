package dev.provisioner.component.runtime;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * containerd, runc and the standard CNI plugins from their verified releases (install source
 * {@code binaries} or {@code artifacts}): containerd's programs in {@value ContainerdLayout#RELEASE_BIN_DIR},
 * runc in {@value ContainerdLayout#RUNC_DIR}, the plugins in {@value ContainerdLayout#CNI_BIN_DIR}, all
 * 0755 root. The host reports only checksums; a binary is uploaded only when it differs. Binaries are not
 * part of {@code render}. When release files cannot be had, planning fails with
 * {@link dev.provisioner.artifacts.MissingArtifacts}, which the engine reports as an incomplete run.
 * With the packages source there is nothing to do here.
 */
final class RuntimeBinariesStep implements Step {
    private final RuntimeRelease release;

    RuntimeBinariesStep(RuntimeRelease release) {
        this.release = release;
    }

    @Override
    public String name() {
        return "containerd-binaries";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        FactsQuery q = FactsQuery.EMPTY;
        if (ContainerdLayout.fromPackages(ctx.inventory())) {
            return q;
        }
        for (RuntimeBinary b : release.binaries()) {
            q = q.and(FactsQuery.file(b.path(), FileProbe.metadata()));
        }
        return q.and(Converge.query(List.of(InstalledVersions.record(RuntimeRelease.CONTAINERD,
                ctx.inventory().cluster().versions().containerd()))));
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        if (ContainerdLayout.fromPackages(ctx.inventory())) {
            return StepOutcome.converged("containerd, runc and CNI plugins come from the OS packages");
        }
        HostFacts facts = ctx.facts().orElseThrow();
        RuntimeRelease.Artifacts artifacts = release.forArch(Arch.parse(facts.architecture()));
        List<Action> actions = new ArrayList<>();
        for (RuntimeBinary b : release.binaries()) {
            Converge.file(binary(b, artifacts.of(b.component())), facts).ifPresent(actions::add);
        }
        // After the binaries: the installed-version record that upgrade reads back.
        Converge.file(InstalledVersions.record(RuntimeRelease.CONTAINERD, artifacts.containerd().version()), facts).ifPresent(actions::add);
        return StepOutcome.of(actions, describe(artifacts.containerd()) + ", " + describe(artifacts.runc()) + ", "
                + describe(artifacts.cniPlugins()) + " in " + ContainerdLayout.RELEASE_BIN_DIR + ", " + ContainerdLayout.RUNC_DIR
                + ", " + ContainerdLayout.CNI_BIN_DIR + " match the verified releases");
    }

    private static String describe(ResolvedArtifact a) {
        return a.component() + " " + a.version() + " (" + a.source().name().toLowerCase(Locale.ROOT) + " sha256 "
                + a.sha256().substring(0, 12) + ")";
    }

    /** A release binary as a file: executable, root-owned, sensitive so that its bytes are never fetched or diffed. */
    static DesiredFile binary(RuntimeBinary b, ResolvedArtifact artifact) {
        try {
            return new DesiredFile(b.path(), Files.readAllBytes(artifact.binary(b.name())), 0755, "root", "root",
                    Placement.ATOMIC, true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + artifact.binary(b.name()), e);
        }
    }
}
