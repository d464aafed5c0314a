package dev.provisioner.component.flannel;

import dev.provisioner.component.kube.InstallSet;
import dev.provisioner.component.kube.KubeSources;
import dev.provisioner.component.kube.ManagedFilesStep;
import dev.provisioner.component.kube.ReleaseBinariesStep;
import dev.provisioner.component.kube.ServicesStep;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@value #TITLE} phase on masters and nodes: flanneld from its release binary as a systemd
 * service reading its network config from etcd over TLS (prefix from the inventory), waiting until it
 * has leased a subnet; on nodes also the CNI conflist and the flannel CNI plugin (release). The
 * standard CNI plugins it delegates to are linked into /opt/cni/bin by the container-runtime phase.
 */
public final class FlannelPhase {
    public static final String TITLE = "flannel";

    private FlannelPhase() {
    }

    public static Phase create(KubeSources sources) {
        return Phase.of(TITLE, HostSelector.roles(Role.MASTER, Role.NODE),
                new ReleaseBinariesStep("flannel-binaries", sources.artifacts(), ctx -> {
                    List<dev.provisioner.component.kube.ReleaseBinary> out = new java.util.ArrayList<>(InstallSet.flanneld(ctx.inventory()));
                    if (ctx.host().runsKubelet()) {
                        out.addAll(InstallSet.flannelCni());
                    }
                    return out;
                }),
                new ManagedFilesStep("cni-config", ctx -> ctx.host().runsKubelet() ? List.of(new FlannelFiles(ctx).conflist()) : List.of()),
                new ServicesStep("flanneld", ctx -> List.of(new FlannelFiles(ctx).service()),
                        ctx -> Optional.of(new ServicesStep.Probe("flanneld leased a subnet (" + FlannelFiles.SUBNET_FILE + " has FLANNEL_SUBNET)",
                                "grep -q '^FLANNEL_SUBNET=' " + FlannelFiles.SUBNET_FILE, Duration.ofSeconds(60)))));
    }
}
