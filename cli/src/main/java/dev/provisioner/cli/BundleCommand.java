package dev.provisioner.cli;

import dev.provisioner.artifacts.Arch;
import dev.provisioner.artifacts.ArtifactCatalog;
import dev.provisioner.artifacts.ArtifactException;
import dev.provisioner.artifacts.MissingArtifacts;
import dev.provisioner.artifacts.ResolverSettings;
import dev.provisioner.bundle.BundleCreator;
import dev.provisioner.bundle.BundleException;
import dev.provisioner.bundle.BundleManifest;
import dev.provisioner.component.ComponentContext;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.InventoryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code provisioner bundle create}: one file that installs an air-gapped site ({@code apply --bundle FILE}). */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = "Air-gap bundles: every release file, checksum and system image a cluster needs, in one tar.",
        subcommands = BundleCommand.Create.class)
public final class BundleCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code provisioner bundle create -i INV -o FILE}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"On a connected machine: download and verify every release file the inventory needs (for each",
                    "--arch), record their checksums in the lock file, and write them with the lock entries and the",
                    "given OCI image archives into FILE with manifest.yaml and SHA256SUMS. Contacts no cluster host."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the bundle was written", "1:a release file was refused or the bundle could not be written",
                    "2:the inventory is invalid or an option is wrong",
                    "6:release files cannot be obtained here (listed; nothing was written)"})
    public static final class Create implements Callable<Integer> {
        @Mixin
        ClusterStateOptions cluster;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "the bundle file to write")
        Path output;

        @Option(names = "--arch", split = ",", paramLabel = "ARCH",
                description = "the hosts' architectures (default: amd64,arm64)")
        List<String> arches = new ArrayList<>(List.of("amd64", "arm64"));

        @Option(names = "--image", paramLabel = "FILE",
                description = "an OCI image archive to carry (pause, CoreDNS, the smoke-test app); repeatable")
        List<Path> images = new ArrayList<>();

        @Option(names = "--artifacts", paramLabel = "DIR", description = "take release files from this directory first")
        Path artifacts;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<Arch> archList;
            try {
                archList = arches.stream().map(Arch::parse).distinct().toList();
            } catch (ArtifactException e) {
                err.println("error: --arch: " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
            try {
                Inventory inv = cluster.loadInventory();
                ResolverSettings settings = ResolverSettings.forState(cluster.stateDirectory(inv),
                        Optional.ofNullable(artifacts), ComponentContext.downloadSettings(inv));
                BundleManifest m = new BundleCreator(ArtifactCatalog.bundled(), settings)
                        .create(inv, archList, images, output);
                out.printf("%s: %d release files (%s), %d images, lock file %s%n", output, m.releases().size(),
                        String.join(",", arches), m.images().size(), settings.lockFile());
                return ExitCodes.OK;
            } catch (InventoryException e) {
                err.println(e.format());
                return ExitCodes.INVALID_INPUT;
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            } catch (MissingArtifacts e) {
                err.println(e.getMessage());
                return ExitCodes.INCOMPLETE;
            } catch (ArtifactException | BundleException e) {
                err.println("error: " + e.getMessage());
                return ExitCodes.ERROR;
            }
        }
    }
}
