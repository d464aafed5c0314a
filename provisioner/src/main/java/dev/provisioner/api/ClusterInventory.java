package dev.provisioner.api;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.InventoryException;
import dev.provisioner.inventory.ValidationProblem;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated inventory, as the facade takes it: loaded from a YAML file or text. It exists only when
 * valid; loading reports every problem at once ({@link InvalidSetupException#problems()}, each naming
 * file, line and field). Nothing is contacted.
 *
 * <pre>{@code
 * ClusterInventory inventory = ClusterInventory.load(Path.of("inventory.yaml"));
 * Provisioner p = Provisioner.builder().inventory(inventory).build();
 * }</pre>
 *
 * @since 0.1
 */
public final class ClusterInventory {
    private final Inventory inventory;

    private ClusterInventory(Inventory inventory) {
        this.inventory = inventory;
    }

    /** @throws InvalidSetupException listing every problem of the file */
    public static ClusterInventory load(Path file) {
        try {
            return new ClusterInventory(Inventory.load(file));
        } catch (InventoryException e) {
            throw invalid(e);
        }
    }

    /**
     * @param sourceName names the text in problems (a file name, "embedded")
     * @throws InvalidSetupException listing every problem of the text
     */
    public static ClusterInventory parse(String yaml, String sourceName) {
        try {
            return new ClusterInventory(Inventory.parse(yaml, sourceName));
        } catch (InventoryException e) {
            throw invalid(e);
        }
    }

    public String clusterName() {
        return inventory.cluster().name();
    }

    /** Host names in inventory order. */
    public List<String> hostNames() {
        return inventory.hosts().stream().map(Host::name).toList();
    }

    Inventory inventory() {
        return inventory;
    }

    private static InvalidSetupException invalid(InventoryException e) {
        return new InvalidSetupException(e.errors().stream().map(ValidationProblem::format).toList());
    }
}
