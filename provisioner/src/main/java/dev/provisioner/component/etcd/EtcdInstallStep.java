package dev.provisioner.component.etcd;

import dev.provisioner.artifacts.Arch;
import dev.provisioner.artifacts.ResolvedArtifact;
import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.FileProbe;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.facts.OsFamily;
import dev.provisioner.step.Action;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.InstallPackages;
import dev.provisioner.step.Placement;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.transport.Command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * etcd's programs: the OS packages, or the verified release binaries in /usr/local/bin (0755 root; the
 * host reports only their checksums and a binary is uploaded only when it differs).
 *
 * <p>Debian's etcd-server starts a member with the package defaults as soon as it is installed
 * (name = hostname, plain HTTP on localhost, data in {@value EtcdInstall#DEBIAN_DEFAULT_DATA_DIR}).
 * That member must never become part of our cluster: right after the install, before our files are
 * placed and our unit starts etcd, the step stops it and removes its data, so the first configured
 * start bootstraps a fresh member of the initial cluster. This runs only in the batch that installs
 * the package; data of an etcd that was already installed is never touched.
 */
final class EtcdInstallStep implements Step {
    private final EtcdRelease release;

    EtcdInstallStep(EtcdRelease release) {
        this.release = release;
    }

    @Override
    public String name() {
        return "etcd-install";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        EtcdInstall install = EtcdInstall.of(ctx.inventory(), ctx.osFamily());
        if (install.fromPackages()) {
            return FactsQuery.packages("etcd-server", "etcd-client", "etcd");
        }
        FactsQuery q = FactsQuery.EMPTY;
        for (String b : release.binaryNames()) {
            q = q.and(FactsQuery.file(EtcdInstall.RELEASE_BIN_DIR + "/" + b, FileProbe.metadata()));
        }
        return q;
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        EtcdInstall install = EtcdInstall.of(ctx.inventory(), ctx.osFamily());
        return install.fromPackages() ? packages(ctx, install, ctx.facts().orElseThrow()) : binaries(ctx.facts().orElseThrow());
    }

    private static StepOutcome packages(StepContext ctx, EtcdInstall install, HostFacts facts) {
        Optional<String> pin = EtcdPackageUpgrade.pinnedVersion(ctx.inventory(), facts);
        Optional<InstallPackages> missing = Converge.packages(install.packages(), facts);
        if (missing.isEmpty()) {
            Optional<RunCommand> upgrade = EtcdPackageUpgrade.plan(ctx, install, facts, pin);
            if (upgrade.isPresent()) {
                return StepOutcome.of(List.of(upgrade.get()), "");
            }
            return StepOutcome.converged(String.join(", ", install.packages().stream()
                    .map(p -> p + " " + facts.packageVersion(p).orElse("")).toList()) + " installed");
        }
        InstallPackages wanted = pin.map(v -> new InstallPackages(missing.get().packages().stream()
                .map(p -> EtcdPackageUpgrade.versioned(p, v)).toList(), missing.get().manager())).orElse(missing.get());
        List<Action> actions = new ArrayList<>(List.of(wanted));
        if (install.family() != OsFamily.RHEL && missing.get().packages().contains("etcd-server")) {
            actions.add(new RunCommand("stop the etcd that the etcd-server package started with its defaults and remove its data "
                    + EtcdInstall.DEBIAN_DEFAULT_DATA_DIR,
                    "systemctl stop " + EtcdInstall.UNIT + " || true\nrm -rf -- " + Command.quote(EtcdInstall.DEBIAN_DEFAULT_DATA_DIR) + "\n",
                    true));
        }
        return StepOutcome.of(actions, "");
    }

    private StepOutcome binaries(HostFacts facts) {
        ResolvedArtifact artifact = release.forArch(Arch.parse(facts.architecture()));
        List<Action> actions = new ArrayList<>();
        for (String name : release.binaryNames()) {
            Converge.file(binary(name, artifact), facts).ifPresent(actions::add);
        }
        return StepOutcome.of(actions, "etcd " + artifact.version() + " binaries in " + EtcdInstall.RELEASE_BIN_DIR
                + " match the verified release (" + artifact.source().name().toLowerCase(Locale.ROOT) + " sha256 "
                + artifact.sha256().substring(0, 12) + ")");
    }

    /** A release binary as a file: executable, root-owned, sensitive so that its bytes are never fetched or diffed. */
    static DesiredFile binary(String name, ResolvedArtifact artifact) {
        try {
            return new DesiredFile(EtcdInstall.RELEASE_BIN_DIR + "/" + name, Files.readAllBytes(artifact.binary(name)), 0755,
                    "root", "root", Placement.ATOMIC, true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + artifact.binary(name), e);
        }
    }
}
