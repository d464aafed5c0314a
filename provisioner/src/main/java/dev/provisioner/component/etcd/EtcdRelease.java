package dev.provisioner.component.etcd;

import dev.provisioner.artifacts.Arch;
import dev.provisioner.artifacts.ArtifactCatalog;
import dev.provisioner.artifacts.ArtifactRequest;
import dev.provisioner.artifacts.ArtifactResolver;
import dev.provisioner.artifacts.ResolvedArtifact;
import dev.provisioner.component.ComponentContext;
import dev.provisioner.inventory.Component;
import dev.provisioner.inventory.InstallSource;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The etcd release archive of the inventory's version, verified on the controller once per
 * architecture (SHA-256 against the catalogue's pin or the artifacts directory's SHA256SUMS) and shared
 * by every member. Resolved on first use, when the first member plans its install, so a missing or
 * tampered file fails planning before anything is installed on any host. With install source
 * {@code artifacts} nothing is downloaded. Thread-safe.
 */
public final class EtcdRelease {
    /** The catalogue component. */
    public static final String COMPONENT = "etcd";

    private final Function<Arch, ResolvedArtifact> resolve;
    private final Map<Arch, ResolvedArtifact> resolved = new EnumMap<>(Arch.class);
    private final List<String> binaryNames;

    EtcdRelease(Function<Arch, ResolvedArtifact> resolve, List<String> binaryNames) {
        this.resolve = resolve;
        this.binaryNames = List.copyOf(binaryNames);
    }

    /** The release of {@code context}'s inventory: its etcd version, its artifacts directory, its cache. */
    public static EtcdRelease of(ComponentContext context) {
        ArtifactCatalog catalog = ArtifactCatalog.bundled();
        boolean airGapped = context.inventory().cluster().install().source(Component.ETCD) == InstallSource.ARTIFACTS;
        ArtifactResolver resolver = context.artifactResolver(airGapped);
        String version = context.inventory().cluster().versions().etcd();
        return new EtcdRelease(arch -> resolver.resolve(new ArtifactRequest(COMPONENT, version, arch)),
                List.copyOf(catalog.layout(COMPONENT).binaries().keySet()));
    }

    /** The programs the release installs ({@code etcd}, {@code etcdctl}, {@code etcdutl}), known without resolving. */
    public List<String> binaryNames() {
        return binaryNames;
    }

    /**
     * The verified release for {@code arch}.
     *
     * @throws dev.provisioner.artifacts.MissingArtifacts          when it cannot be had here
     * @throws dev.provisioner.artifacts.ChecksumMismatchException when its bytes do not match
     */
    public synchronized ResolvedArtifact forArch(Arch arch) {
        ResolvedArtifact a = resolved.get(arch);
        if (a == null) {
            a = resolve.apply(arch);
            resolved.put(arch, a);
        }
        return a;
    }
}
