package dev.provisioner.cli;

import dev.provisioner.api.InvalidSetupException;
import dev.provisioner.api.ProvisionListener;
import dev.provisioner.api.Provisioner;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.ValidationProblem;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options of the commands that run the plan (render, plan, apply, upgrade, lab up) and the one place
 * that turns them into a {@link Provisioner}. The shared ones come from their mixins.
 */
final class RunOptions {
    @Mixin
    ClusterStateOptions cluster = new ClusterStateOptions();

    @Mixin
    ConnectOptions connect = new ConnectOptions();

    @Mixin
    LimitOption limit = new LimitOption();

    @Mixin
    TemplatesOption templates = new TemplatesOption();

    @Mixin
    ArtifactOptions artifacts = new ArtifactOptions();

    @Option(names = "--only", split = ",", paramLabel = "PHASES", description = "run only these phases (comma separated)")
    List<String> only = new ArrayList<>();

    @Option(names = "--skip", split = ",", paramLabel = "PHASES", description = "leave these phases out (comma separated)")
    List<String> skip = new ArrayList<>();


    /** The inventory file (-i). */
    Path inventory() {
        return cluster.inventory.file();
    }

    /** Sets the inventory file, for commands that write it first (lab up). */
    void inventory(Path file) {
        cluster.inventory.file = file;
    }

    /** The state directory for the loaded inventory. */
    Path stateDirectory(Inventory inv) {
        return cluster.state.directory(inventory(), inv.cluster().name());
    }

    @Option(names = "--bundle", paramLabel = "FILE", description = "install from an air-gap bundle (provisioner bundle"
            + " create) with no network access; refused unless its checksums and manifest match (default: install.bundle)")
    Path bundle;

    @Option(names = "--require-pinned", description = "refuse release files whose checksum neither the catalogue nor the"
            + " cluster's lock file pins (no publisher checksum files, no SHA256SUMS); also install.requirePinned")
    boolean requirePinned;

    /**
     * Loads and validates the inventory and builds the provisioner. On an invalid inventory or setup,
     * prints every problem to {@code err} and returns empty: nothing has contacted any host.
     */
    Optional<Provisioner> provisioner(PrintWriter err, List<ProvisionListener> listeners) {
        return provisioner(err, listeners, InventoryFile.load(inventory(), err));
    }

    /**
     * As {@link #provisioner(PrintWriter, List)} with the inventory the caller already loaded from {@link #inventory()}
     * (its warnings are printed here), so that the command parses the file once less. The facade still reads it
     * itself: its signatures name only its own types.
     */
    Optional<Provisioner> provisioner(PrintWriter err, List<ProvisionListener> listeners, Inventory alreadyLoaded) {
        alreadyLoaded.warnings().stream().map(ValidationProblem::format).forEach(err::println);
        return provisioner(err, listeners, Optional.of(alreadyLoaded));
    }

    private Optional<Provisioner> provisioner(PrintWriter err, List<ProvisionListener> listeners, Optional<Inventory> loaded) {
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        Inventory inv = loaded.get();
        Provisioner.Builder b = Provisioner.builder().inventory(cluster.inventory.forFacade()).parallelism(connect.parallel())
                .limitHosts(limit.names(inv)).onlyPhases(only).skipPhases(skip)
                .stateDirectory(stateDirectory(inv))
                .downloads(!artifacts.noDownload).insecureAcceptAnyHostKey(connect.insecureAcceptAnyHostKey)
                .requirePinned(requirePinned);
        if (bundle != null) {
            b.bundle(bundle);
        }
        if (artifacts.dir != null) {
            b.artifactsDirectory(artifacts.dir);
        }
        if (templates.dir != null) {
            b.templatesDir(templates.dir);
        }
        if (connect.transport != null) {
            b.transport(connect.transport);
        }
        listeners.forEach(b::listener);
        try {
            return Optional.of(b.build());
        } catch (InvalidSetupException e) {
            e.problems().forEach(p -> err.println("error: " + p));
            if (limit.given()) {
                err.println("note: --limit takes host names and the roles master, node, registry, etcd");
            }
            return Optional.empty();
        }
    }
}
