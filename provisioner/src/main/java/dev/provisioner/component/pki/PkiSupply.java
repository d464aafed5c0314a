package dev.provisioner.component.pki;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.pki.ClusterPki;
import dev.provisioner.pki.PkiBundle;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The cluster's {@link PkiBundle}, ensured once on first use ({@link ClusterPki#ensure} on the state
 * directory: created on the first run, reused afterwards, never silently regenerated) and shared by
 * every host and phase of the plan. Nothing is generated before a step needs it, so building a plan
 * has no side effect. Thread-safe.
 */
public final class PkiSupply {
    private final Supplier<PkiBundle> loader;
    private PkiBundle bundle;

    private PkiSupply(Supplier<PkiBundle> loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /** The PKI kept in {@code stateDirectory} ({@code <state>/pki}), ensured on first use. */
    public static PkiSupply ensureIn(Inventory inventory, Path stateDirectory) {
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        return new PkiSupply(() -> ClusterPki.standard().ensure(inventory, stateDirectory));
    }

    /** A bundle computed elsewhere (tests, embedders with their own PKI). */
    public static PkiSupply of(PkiBundle bundle) {
        Objects.requireNonNull(bundle, "bundle");
        return new PkiSupply(() -> bundle);
    }

    /** The bundle, ensuring the PKI on the first call. */
    public synchronized PkiBundle bundle() {
        if (bundle == null) {
            bundle = loader.get();
        }
        return bundle;
    }
}
