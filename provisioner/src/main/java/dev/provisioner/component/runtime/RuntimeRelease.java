package dev.provisioner.component.runtime;

import dev.provisioner.artifacts.Arch;
import dev.provisioner.artifacts.ArtifactCatalog;
import dev.provisioner.artifacts.ArtifactRequest;
import dev.provisioner.artifacts.ArtifactResolver;
import dev.provisioner.artifacts.ResolvedArtifact;
import dev.provisioner.component.ComponentContext;
import dev.provisioner.inventory.Component;
import dev.provisioner.inventory.InstallSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The release files of the container runtime (containerd, runc, the standard CNI plugins), verified on
 * the controller once per architecture and shared by every node. The three are resolved together at the
 * first node that plans its install, so when files are missing the run stops there with one
 * {@link dev.provisioner.artifacts.MissingArtifacts} naming all of them. With install source
 * {@code artifacts} nothing is downloaded. Thread-safe.
 */
public final class RuntimeRelease {
    /** Catalogue components. */
    public static final String CONTAINERD = "containerd";
    public static final String RUNC = "runc";
    public static final String CNI_PLUGINS = "cni-plugins";
    /** runc paired with containerd 2.1 (the inventory has no setting for it). */
    public static final String RUNC_VERSION = "1.3.0";
    /** The standard CNI plugins release (the inventory has no setting for it). */
    public static final String CNI_PLUGINS_VERSION = "1.8.0";

    /** The verified releases for one architecture. */
    public record Artifacts(ResolvedArtifact containerd, ResolvedArtifact runc, ResolvedArtifact cniPlugins) {
        public Artifacts {
            Objects.requireNonNull(containerd, "containerd");
            Objects.requireNonNull(runc, "runc");
            Objects.requireNonNull(cniPlugins, "cniPlugins");
        }

        /** The artifact of a catalogue component of this release. */
        public ResolvedArtifact of(String component) {
            return switch (component) {
                case CONTAINERD -> containerd;
                case RUNC -> runc;
                case CNI_PLUGINS -> cniPlugins;
                default -> throw new IllegalArgumentException("not part of the container runtime release: " + component);
            };
        }
    }

    private final Function<Arch, Artifacts> resolve;
    private final List<RuntimeBinary> binaries;
    private final Map<Arch, Artifacts> resolved = new EnumMap<>(Arch.class);

    RuntimeRelease(Function<Arch, Artifacts> resolve, List<RuntimeBinary> binaries) {
        this.resolve = Objects.requireNonNull(resolve, "resolve");
        this.binaries = List.copyOf(binaries);
    }

    /** The release of {@code context}'s inventory: its containerd version, its artifacts directory, its cache. */
    public static RuntimeRelease of(ComponentContext context) {
        ArtifactCatalog catalog = ArtifactCatalog.bundled();
        boolean airGapped = context.inventory().cluster().install().source(Component.CONTAINERD) == InstallSource.ARTIFACTS;
        ArtifactResolver resolver = context.artifactResolver(airGapped);
        String containerd = context.inventory().cluster().versions().containerd();
        List<RuntimeBinary> binaries = new ArrayList<>();
        catalog.layout(CONTAINERD).binaries().keySet()
                .forEach(n -> binaries.add(new RuntimeBinary(CONTAINERD, n, ContainerdLayout.RELEASE_BIN_DIR + "/" + n)));
        catalog.layout(RUNC).binaries().keySet()
                .forEach(n -> binaries.add(new RuntimeBinary(RUNC, n, ContainerdLayout.RUNC_DIR + "/" + n)));
        catalog.layout(CNI_PLUGINS).binaries().keySet()
                .forEach(n -> binaries.add(new RuntimeBinary(CNI_PLUGINS, n, ContainerdLayout.CNI_BIN_DIR + "/" + n)));
        return new RuntimeRelease(arch -> {
            List<ResolvedArtifact> a = resolver.resolveAll(List.of(new ArtifactRequest(CONTAINERD, containerd, arch),
                    new ArtifactRequest(RUNC, RUNC_VERSION, arch), new ArtifactRequest(CNI_PLUGINS, CNI_PLUGINS_VERSION, arch)));
            return new Artifacts(a.get(0), a.get(1), a.get(2));
        }, binaries);
    }

    /** Every program the release installs and where, known without resolving anything. */
    public List<RuntimeBinary> binaries() {
        return binaries;
    }

    /**
     * The verified releases for {@code arch}, resolved on first use.
     *
     * @throws dev.provisioner.artifacts.MissingArtifacts          naming every file that cannot be had here
     * @throws dev.provisioner.artifacts.ChecksumMismatchException when bytes do not match
     */
    public synchronized Artifacts forArch(Arch arch) {
        Artifacts a = resolved.get(arch);
        if (a == null) {
            a = resolve.apply(arch);
            resolved.put(arch, a);
        }
        return a;
    }
}
