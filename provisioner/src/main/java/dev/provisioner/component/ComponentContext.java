package dev.provisioner.component;

import dev.provisioner.inventory.Inventory;

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
 */
public record ComponentContext(Inventory inventory, Path stateDirectory, Optional<Path> artifactsDirectory, boolean downloads) {
    public ComponentContext {
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        artifactsDirectory = artifactsDirectory == null ? Optional.empty() : artifactsDirectory;
    }

    /** The state directory {@code .provisioner/<cluster name>} under the working directory. */
    public static ComponentContext defaults(Inventory inventory) {
        return new ComponentContext(inventory, Path.of(".provisioner", inventory.cluster().name()).toAbsolutePath(),
                Optional.empty(), true);
    }
}
