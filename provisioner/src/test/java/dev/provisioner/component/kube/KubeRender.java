package dev.provisioner.component.kube;

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
        Provisioner p = Provisioner.builder().inventory(inventory).stateDirectory(stateDir).downloads(false).build();
        Plan plan = p.phases();
        return PlanRenderer.render(plan, inventory, TemplateRenderer.builtIn(), Set.of());
    }

    /** The CIS checker's view of every host that runs a Kubernetes component. */
    static List<RenderedHost> cisHosts(Inventory inventory, Map<String, List<DesiredFile>> rendered, boolean etcdRendered) {
        List<RenderedHost> out = new ArrayList<>();
        for (Host h : inventory.hosts()) {
            Set<String> roles = new LinkedHashSet<>();
            h.roles().forEach(r -> roles.add(r.name().toLowerCase(java.util.Locale.ROOT)));
            if (etcdRendered && inventory.view().etcdMembers().contains(h)) {
                roles.add("etcd");
            }
            roles.remove("registry");
            if (roles.isEmpty()) {
                continue;
            }
            List<RenderedFile> files = new ArrayList<>();
            for (DesiredFile f : rendered.getOrDefault(h.name(), List.of())) {
                files.add(new RenderedFile(f.path(), f.content(), f.mode(), f.owner(), f.group(), false));
            }
            if (roles.contains("etcd")) {
                // The data directory as etcd.service's ExecStartPre makes it before every start
                // (0700 etcd:etcd); steps render files only, so it is declared here from the same constant.
                files.add(RenderedFile.directory(dev.provisioner.component.etcd.EtcdInstall.DATA_DIR, 0700, "etcd", "etcd"));
            }
            out.add(new RenderedHost(h.name(), roles, files));
        }
        return out;
    }

    static Optional<DesiredFile> file(Map<String, List<DesiredFile>> rendered, String host, String path) {
        return rendered.getOrDefault(host, List.of()).stream().filter(f -> f.path().equals(path)).findFirst();
    }

    static boolean hasRole(Inventory inv, String host, Role role) {
        return inv.host(host).orElseThrow().hasRole(role);
    }
}
