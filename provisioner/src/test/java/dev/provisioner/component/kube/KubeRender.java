package dev.provisioner.component.kube;

import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.Provisioner;
import dev.provisioner.cis.RenderedFile;
import dev.provisioner.cis.RenderedHost;
import dev.provisioner.engine.PlanRenderer;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.InventoryLoader;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.Plan;
import dev.provisioner.template.TemplateRenderer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Renders a whole inventory the way {@link Provisioner#render()} does (the provisioner's own plan
 * through {@link PlanRenderer}), but keeping owner and group, which the CIS checker needs and the
 * public {@code RenderedFile} does not carry.
 */
final class KubeRender {
    static final Path INVENTORIES = Path.of("..", "inventories");
    static final InventoryLoader LOADER = Inventory.loader().withEnv(name -> "fake-" + name);

    private KubeRender() {
    }

    static List<Path> shippedInventories() throws IOException {
        try (Stream<Path> files = Files.list(INVENTORIES)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** Host name to its desired files, for the standard plan with state in {@code stateDir}. */
    static Map<String, List<DesiredFile>> render(Inventory inventory, Path stateDir) {
        Provisioner p = EngineHooks.builder(inventory).stateDirectory(stateDir).downloads(false).build();
        Plan plan = EngineHooks.phases(p);
        return PlanRenderer.render(plan, inventory, TemplateRenderer.builtIn(), Set.of());
    }

    /** The CIS checker's view of every host that runs a Kubernetes component (the library gate's own conversion). */
    static List<RenderedHost> cisHosts(Inventory inventory, Map<String, List<DesiredFile>> rendered) {
        return dev.provisioner.cisgate.CisHosts.of(inventory, rendered);
    }

    static Optional<DesiredFile> file(Map<String, List<DesiredFile>> rendered, String host, String path) {
        return rendered.getOrDefault(host, List.of()).stream().filter(f -> f.path().equals(path)).findFirst();
    }

    static boolean hasRole(Inventory inv, String host, Role role) {
        return inv.host(host).orElseThrow().hasRole(role);
    }
}
