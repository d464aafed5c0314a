package dev.provisioner.cli;

import dev.provisioner.api.InvalidSetupException;
import dev.provisioner.api.ProvisionListener;
import dev.provisioner.api.Provisioner;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.transport.TransportKind;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Options shared by render, plan and apply, and the one place that turns them into a {@link Provisioner}. */
final class RunOptions {
    @Option(names = {"-i", "--inventory"}, required = true, paramLabel = "FILE", description = "inventory YAML file")
    Path inventory;

    @Option(names = "--templates", paramLabel = "DIR", description = "templates searched before the built-in ones")
    Path templates;

    @Option(names = "--transport", paramLabel = "sshj|jsch", converter = TransportKindConverter.class,
            description = "SSH library for every host (default: the inventory's)")
    TransportKind transport;

    @Option(names = "--parallel", paramLabel = "N", description = "hosts worked on at once (default: cluster.ssh.parallelism)")
    int parallel;

    @Option(names = "--limit", split = ",", paramLabel = "HOSTS", description = "work only on these hosts (comma separated)")
    List<String> limit = new ArrayList<>();

    @Option(names = "--only", split = ",", paramLabel = "PHASES", description = "run only these phases (comma separated)")
    List<String> only = new ArrayList<>();

    @Option(names = "--skip", split = ",", paramLabel = "PHASES", description = "leave these phases out (comma separated)")
    List<String> skip = new ArrayList<>();

    @Option(names = "--state", paramLabel = "DIR",
            description = "cluster state directory: PKI, artifact cache (default: .provisioner/<cluster name>/ next to the inventory)")
    Path state;

    @Option(names = "--artifacts", paramLabel = "DIR",
            description = "release files for air-gapped installs, with a SHA256SUMS file (default: the inventory's install.artifactsDir)")
    Path artifacts;

    @Option(names = "--no-download", description = "never download release files; use only --artifacts and the cache")
    boolean noDownload;

    @Option(names = "--bundle", paramLabel = "FILE", description = "install from an air-gap bundle (provisioner bundle"
            + " create) with no network access; refused unless its checksums and manifest match (default: install.bundle)")
    Path bundle;

    @Option(names = "--require-pinned", description = "refuse release files whose checksum neither the catalogue nor the"
            + " cluster's lock file pins (no publisher checksum files, no SHA256SUMS); also install.requirePinned")
    boolean requirePinned;

    @Option(names = "--debug", description = "print stack traces of unexpected errors")
    boolean debug;

    /**
     * Loads and validates the inventory and builds the provisioner. On an invalid inventory or setup,
     * prints every problem to {@code err} and returns empty: nothing has contacted any host.
     */
    Optional<Provisioner> provisioner(PrintWriter err, List<ProvisionListener> listeners) {
        Optional<Inventory> loaded = InventoryFile.load(inventory, err);
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        Inventory inv = loaded.get();
        Provisioner.Builder b = Provisioner.builder().inventory(inv).parallelism(parallel)
                .limitHosts(limit).onlyPhases(only).skipPhases(skip)
                .stateDirectory(state != null ? state : ClusterStateOptions.defaultStateDirectory(inventory, inv.cluster().name()))
                .downloads(!noDownload).requirePinned(requirePinned);
        if (artifacts != null) {
            b.artifactsDirectory(artifacts);
        }
        if (bundle != null) {
            b.bundle(bundle);
        }
        if (templates != null) {
            b.templatesDir(templates);
        }
        if (transport != null) {
            b.transport(transport);
        }
        listeners.forEach(b::listener);
        try {
            return Optional.of(b.build());
        } catch (InvalidSetupException e) {
            e.problems().forEach(p -> err.println("error: " + p));
            return Optional.empty();
        }
    }

    /** Parses sshj / jsch. */
    static final class TransportKindConverter implements picocli.CommandLine.ITypeConverter<TransportKind> {
        @Override
        public TransportKind convert(String value) {
            return TransportKind.parse(value);
        }
    }
}
