package dev.provisioner.component;

import dev.provisioner.artifacts.ArtifactCatalog;
import dev.provisioner.artifacts.ArtifactResolver;
import dev.provisioner.artifacts.DownloadSettings;
import dev.provisioner.artifacts.ResolverSettings;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.ProxySettings;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What components need besides the inventory to contribute their phases: where the local cluster
 * state lives (PKI, artifact cache) and where release artifacts come from.
 *
 * @param inventory          the validated inventory
 * @param stateDirectory     local cluster state directory ({@code .provisioner/<cluster>/} by default)
 * @param artifactsDirectory a local directory of release files for air-gapped sites, if any
 *                           (falls back to the inventory's {@code cluster.install.artifactsDir})
 * @param downloads          whether release files may be downloaded when not in the directory or cache
 * @param requirePinned      accept only release files pinned by the catalogue or the lock file ({@code --require-pinned});
 *                           the inventory's {@code install.requirePinned} turns it on too
 */
public record ComponentContext(Inventory inventory, Path stateDirectory, Optional<Path> artifactsDirectory, boolean downloads,
                               boolean requirePinned) {
    /** A context that accepts publisher checksums unless the inventory requires pins. */
    public ComponentContext(Inventory inventory, Path stateDirectory, Optional<Path> artifactsDirectory, boolean downloads) {
        this(inventory, stateDirectory, artifactsDirectory, downloads, false);
    }

    public ComponentContext {
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        artifactsDirectory = artifactsDirectory == null ? Optional.empty() : artifactsDirectory;
    }

    /**
     * The resolver of release files for this run: the context's artifacts directory (else the inventory's), the
     * cache and lock file in the state directory, pins required when the context or the inventory says so.
     *
     * @param airGapped true when the component's install source is {@code artifacts}: never download
     */
    public ArtifactResolver artifactResolver(boolean airGapped) {
        Optional<Path> dir = artifactsDirectory.or(() -> inventory.cluster().install().artifactsDir());
        DownloadSettings download = downloadSettings(inventory).withEnabled(downloads && !airGapped);
        return new ArtifactResolver(ArtifactCatalog.bundled(), ResolverSettings.forState(stateDirectory, dir, download)
                .withRequirePinned(requirePinned || inventory.cluster().install().requirePinned()));
    }

    /** Download defaults, through the inventory's HTTPS proxy ({@code cluster.proxy.https}) when it has one. */
    public static DownloadSettings downloadSettings(Inventory inventory) {
        DownloadSettings d = DownloadSettings.defaults();
        Optional<ProxySettings> proxy = inventory.cluster().proxy();
        Optional<String> url = proxy.flatMap(p -> p.https().or(p::http));
        return url.isPresent() ? d.withProxy(URI.create(url.get()), proxy.get().noProxy()) : d;
    }

    /** The state directory {@code .provisioner/<cluster name>} under the working directory. */
    public static ComponentContext defaults(Inventory inventory) {
        return new ComponentContext(inventory, Path.of(".provisioner", inventory.cluster().name()).toAbsolutePath(),
                Optional.empty(), true);
    }
}
