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
import dev.provisioner.images.ClusterImages;
import dev.provisioner.images.ImageName;
import dev.provisioner.images.ImagePullException;
import dev.provisioner.images.ImagePuller;
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
        header = "Air-gap bundles: every release file, checksum and system image a cluster needs, in one file.",
        description = "bundle create writes one on a connected machine; apply --bundle FILE installs from it with no"
                + " network access.",
        subcommands = BundleCommand.Create.class)
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT, ExitCode.INCOMPLETE})
public final class BundleCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code provisioner bundle create -i INV -o FILE}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            header = "Write an air-gap bundle for the inventory (on a connected machine; contacts no cluster host).",
            description = "Downloads and verifies every release file the inventory needs (for each --arch), records their"
                    + " checksums in the lock file, and writes them with the lock entries and the cluster's images (pause,"
                    + " CoreDNS, the smoke-test app: the --image archives, the others pulled from their registries over"
                    + " HTTPS for every --arch unless --no-pull) into FILE with manifest.yaml and SHA256SUMS. A refused"
                    + " release file, an image that cannot be pulled (named with its registry) or a file that cannot be"
                    + " written: exit 1; release files that cannot be obtained here are listed and nothing is written: exit 6.")
    @Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT, ExitCode.INCOMPLETE})
    public static final class Create implements Callable<Integer> {
        @Mixin
        ClusterStateOptions cluster;

        @Mixin
        OutputOptions output;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "the bundle file to write")
        Path bundleFile;

        @Option(names = "--arch", split = ",", paramLabel = "ARCH",
                description = "the hosts' architectures (default: amd64,arm64)")
        List<String> arches = new ArrayList<>(List.of("amd64", "arm64"));

        @Option(names = "--image", paramLabel = "FILE",
                description = "an OCI image archive to carry (pause, CoreDNS, the smoke-test app); repeatable")
        List<Path> images = new ArrayList<>();

        @Option(names = "--no-pull", description = "do not pull missing cluster images from their registries (the bundle"
                + " then holds only the --image archives)")
        boolean noPull;

        @Option(names = "--artifacts", paramLabel = "DIR", description = ArtifactOptions.ARTIFACTS_DESCRIPTION)
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
                        .create(inv, archList, images, noPull ? Optional.empty()
                                : Optional.of(new ImagePuller(ImagePuller.Settings.upstream())), bundleFile);
                out.printf("%s: %d release files (%s), %d images, lock file %s%n", bundleFile, m.releases().size(),
                        String.join(",", arches), m.images().size(), settings.lockFile());
                List<String> missing = ClusterImages.REQUIRED.stream().filter(r -> m.images().keySet().stream()
                        .noneMatch(have -> ImageName.parse(have).equals(ImageName.parse(r)))).toList();
                if (!missing.isEmpty()) {
                    out.println("note: the bundle lacks " + String.join(", ", missing)
                            + " (--no-pull): nodes without internet cannot pull them");
                }
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
            } catch (ArtifactException | BundleException | ImagePullException e) {
                err.println("error: " + e.getMessage());
                return ExitCodes.ERROR;
            }
        }
    }
}
