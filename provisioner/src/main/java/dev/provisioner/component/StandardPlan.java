package dev.provisioner.component;

import dev.provisioner.component.hosts.PrepareHostsPhase;
import dev.provisioner.component.registry.RegistryPhase;
import dev.provisioner.component.registry.RegistryTls;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.step.Phase;
import dev.provisioner.step.Plan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plan every run starts from: the components' phases in dependency order. Today
 * {@code prepare-hosts} and {@code registry}; etcd, network config, control plane, nodes and verify
 * are added by their components.
 */
public final class StandardPlan {
    private static final Logger LOG = LoggerFactory.getLogger(StandardPlan.class);

    private StandardPlan() {
    }

    public static Plan create(Inventory inventory) {
        return create(ComponentContext.defaults(inventory), Optional.empty());
    }

    /**
     * @param registryTls the registry's certificate paths on its host, once PKI provides them.
     *                    Seam: the PKI component passes them here; until then the registry serves HTTP.
     */
    public static Plan create(ComponentContext context, Optional<RegistryTls> registryTls) {
        Inventory inventory = context.inventory();
        List<Phase> phases = new ArrayList<>();
        phases.add(PrepareHostsPhase.create());
        if (inventory.view().registryHost().isPresent()) {
            if (inventory.cluster().registry().tls() && registryTls.isEmpty()) {
                LOG.warn("registry: TLS is requested but no certificate is wired in yet; serving plain HTTP");
            }
            phases.add(RegistryPhase.create(registryTls));
        }
        return Plan.of(phases);
    }
}
