package dev.provisioner.bundle;

import dev.provisioner.artifacts.Arch;
import dev.provisioner.artifacts.ArtifactRequest;
import dev.provisioner.component.etcd.EtcdRelease;
import dev.provisioner.component.kube.InstallSet;
import dev.provisioner.component.kube.ReleaseBinary;
import dev.provisioner.component.runtime.RuntimeRelease;
import dev.provisioner.inventory.Component;
import dev.provisioner.inventory.InstallSource;
import dev.provisioner.inventory.Inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every release file an inventory installs from upstream releases (components not installed from OS packages). */
public final class ReleaseSet {
    private ReleaseSet() {
    }

    /** The release files of {@code inv} for each of {@code arches}. */
    public static List<ArtifactRequest> of(Inventory inv, List<Arch> arches) {
        Set<String> componentVersions = new LinkedHashSet<>();
        if (fromReleases(inv, Component.KUBERNETES)) {
            for (ReleaseBinary b : InstallSet.binaries(inv)) {
                componentVersions.add(b.component() + " " + b.version());
            }
        }
        if (fromReleases(inv, Component.ETCD)) {
            componentVersions.add(EtcdRelease.COMPONENT + " " + inv.cluster().versions().etcd());
        }
        if (fromReleases(inv, Component.CONTAINERD)) {
            componentVersions.add(RuntimeRelease.CONTAINERD + " " + inv.cluster().versions().containerd());
            componentVersions.add(RuntimeRelease.RUNC + " " + RuntimeRelease.RUNC_VERSION);
            componentVersions.add(RuntimeRelease.CNI_PLUGINS + " " + RuntimeRelease.CNI_PLUGINS_VERSION);
        }
        List<ArtifactRequest> out = new ArrayList<>();
        for (Arch arch : arches) {
            for (String cv : componentVersions) {
                String[] p = cv.split(" ");
                out.add(new ArtifactRequest(p[0], p[1], arch));
            }
        }
        return out;
    }

    private static boolean fromReleases(Inventory inv, Component c) {
        return inv.cluster().install().source(c) != InstallSource.PACKAGES;
    }
}
