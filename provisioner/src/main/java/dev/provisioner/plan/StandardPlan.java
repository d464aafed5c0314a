package dev.provisioner.plan;

import dev.provisioner.component.ComponentContext;
import dev.provisioner.component.apilb.ApiLbPhase;
import dev.provisioner.component.etcd.EtcdPhase;
import dev.provisioner.component.hosts.PrepareHostsPhase;
import dev.provisioner.component.network.NetworkConfigPhase;
import dev.provisioner.component.pki.PkiPhase;
import dev.provisioner.component.pki.PkiSupply;
import dev.provisioner.component.pki.RegistryPki;
import dev.provisioner.component.registry.RegistryPhase;
import dev.provisioner.component.registry.RegistryTls;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.step.Phase;
import dev.provisioner.step.Plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plan every run starts from: the components' phases in dependency order. Today
 * {@code prepare-hosts} and {@code registry}; etcd, network config, control plane, nodes and verify
 * are added by their components.
 */
public final class StandardPlan {

    private StandardPlan() {
    }

    public static Plan create(Inventory inventory) {
        return create(ComponentContext.defaults(inventory), Optional.empty());
    }

    /**
     * @param registryTls the registry's certificate paths on its host, placed there by the embedder; when empty
     *                    and {@code cluster.registry.tls} is true, the pki component issues and places them
     */
    public static Plan create(ComponentContext context, Optional<RegistryTls> registryTls) {
        Inventory inventory = context.inventory();
        List<Phase> phases = new ArrayList<>();
        phases.add(PrepareHostsPhase.create());
        phases.add(dev.provisioner.component.prereq.PrerequisitesPhase.create());
        phases.add(dev.provisioner.component.firewall.FirewallPhase.create());
        PkiSupply pki = PkiSupply.ensureIn(inventory, context.stateDirectory());
        phases.add(PkiPhase.create(pki));
        if (inventory.view().registryHost().isPresent()) {
            // registry.tls: a certificate from the cluster CA unless the embedder passed its own paths.
            boolean ourCertificate = registryTls.isEmpty() && inventory.cluster().registry().tls();
            Phase registry = RegistryPhase.create(ourCertificate ? Optional.of(RegistryPki.TLS) : registryTls,
                    dev.provisioner.component.registry.RegistryPush.of(context), Optional.of(context.stateDirectory()));
            phases.add(ourCertificate ? RegistryPki.withCertificates(registry, pki) : registry);
        }
        phases.add(EtcdPhase.create(context));
        phases.add(NetworkConfigPhase.create());
        phases.add(dev.provisioner.component.runtime.ContainerRuntimePhase.create(context));
        dev.provisioner.component.kube.KubeSources kube = dev.provisioner.component.kube.KubeSources.from(context, pki);
        // The node-local API load balancer needs only OS packages and the PKI: before the release-file phases.
        ApiLbPhase.create(inventory, kube).ifPresent(phases::add);
        return dev.provisioner.plan.KubePhases.appendTo(Plan.of(phases), kube);
    }
}
