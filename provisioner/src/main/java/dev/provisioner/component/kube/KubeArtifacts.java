package dev.provisioner.component.kube;

import dev.provisioner.artifacts.Arch;
import dev.provisioner.artifacts.ArtifactRequest;
import dev.provisioner.artifacts.ArtifactResolver;
import dev.provisioner.artifacts.ResolvedArtifact;
import dev.provisioner.component.ComponentContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The release files of the Kubernetes, flannel and CNI install, resolved on the controller once per
 * architecture and shared by every host and phase. The whole set is resolved at the first step that
 * needs any of it, so when files are missing ({@link dev.provisioner.artifacts.MissingArtifacts}) the
 * run stops there with one message naming every file to supply with {@code --artifacts DIR}.
 * Thread-safe.
 */
public final class KubeArtifacts {
    private final ArtifactResolver resolver;
    private final List<ArtifactRequestTemplate> wanted;
    private final Map<Arch, Map<String, ResolvedArtifact>> resolved = new EnumMap<>(Arch.class);

    /** A component and version, for any architecture. */
    public record ArtifactRequestTemplate(String component, String version) {
        ArtifactRequest forArch(Arch arch) {
            return new ArtifactRequest(component, version, arch);
        }
    }

    public KubeArtifacts(ArtifactResolver resolver, List<ReleaseBinary> binaries) {
        this.resolver = resolver;
        Set<ArtifactRequestTemplate> set = new LinkedHashSet<>();
        binaries.forEach(b -> set.add(new ArtifactRequestTemplate(b.component(), b.version())));
        this.wanted = List.copyOf(set);
    }

    /** The resolver of the context: its artifacts directory (else the inventory's), cache in the state directory. */
    public static ArtifactResolver resolverFor(ComponentContext context) {
        return context.artifactResolver(false);
    }

    /** Every component and version this install needs. */
    public List<ArtifactRequestTemplate> wanted() {
        return wanted;
    }

    /**
     * The local file of {@code binary} for {@code arch}, resolving the whole set on first use.
     *
     * @throws dev.provisioner.artifacts.MissingArtifacts listing every file of the set that cannot be had here
     */
    public Path local(ReleaseBinary binary, Arch arch) {
        return artifact(binary, arch).binary(binary.name());
    }

    /** The verified artifact holding {@code binary}. */
    public ResolvedArtifact artifact(ReleaseBinary binary, Arch arch) {
        ResolvedArtifact a = resolveAll(arch).get(binary.component() + " " + binary.version());
        if (a == null) {
            throw new IllegalStateException(binary.component() + " " + binary.version() + " is not part of the kube install set");
        }
        return a;
    }

    private synchronized Map<String, ResolvedArtifact> resolveAll(Arch arch) {
        Map<String, ResolvedArtifact> done = resolved.get(arch);
        if (done == null) {
            List<ArtifactRequest> requests = new ArrayList<>();
            wanted.forEach(w -> requests.add(w.forArch(arch)));
            List<ResolvedArtifact> out = resolver.resolveAll(requests);
            done = new LinkedHashMap<>();
            for (int i = 0; i < wanted.size(); i++) {
                done.put(wanted.get(i).component() + " " + wanted.get(i).version(), out.get(i));
            }
            resolved.put(arch, done);
        }
        return done;
    }
}
