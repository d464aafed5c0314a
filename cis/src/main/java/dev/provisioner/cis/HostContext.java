package dev.provisioner.cis;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One host's rendered output, read once: which components run there, their services, config files,
 * and the paths a check looks at (a flag on the command line wins over the config file, which wins
 * over the layout's default). Not shared between runs.
 */
final class HostContext {
    private final RenderedHost host;
    private final ComponentLayout layout;
    private final Map<KubeComponent, ServiceView> services = new EnumMap<>(KubeComponent.class);
    private final Map<String, ConfigDocument> configs = new HashMap<>();

    HostContext(RenderedHost host, ComponentLayout layout) {
        this.host = host;
        this.layout = layout;
    }

    RenderedHost host() {
        return host;
    }

    ComponentLayout layout() {
        return layout;
    }

    /** Whether {@code component}'s unit is rendered on this host. */
    boolean runs(KubeComponent component) {
        return host.file(layout.unit(component)).isPresent();
    }

    /** The host's roles that require {@code component} (empty when none does). */
    List<String> rolesRequiring(KubeComponent component) {
        return host.roles().stream().sorted()
                .filter(r -> layout.roleComponents().getOrDefault(r, Set.of()).contains(component)).toList();
    }

    /** The service of a component that {@link #runs runs} here. */
    ServiceView service(KubeComponent component) {
        return services.computeIfAbsent(component, c -> ServiceView.resolve(host, layout.unit(c)));
    }

    /** The config file at {@code path}, parsed (or why it cannot be used). */
    ConfigDocument config(String path) {
        return configs.computeIfAbsent(path, p -> host.file(p).filter(f -> !f.directory())
                .map(f -> ConfigDocument.parse(p, f.text())).orElseGet(() -> ConfigDocument.missing(p)));
    }

    /** The config file kube-bench's {@code audit_config} would read for {@code component}, or null. */
    ConfigDocument componentConfig(KubeComponent component) {
        return switch (component) {
            case KUBELET -> config(kubeletConfigPath());
            case KUBE_PROXY -> config(proxyConfigPath());
            default -> null;
        };
    }

    String kubeletConfigPath() {
        return flag(KubeComponent.KUBELET, "--config").orElse(layout.kubeletConfig());
    }

    String proxyConfigPath() {
        return flag(KubeComponent.KUBE_PROXY, "--config").orElse(layout.proxyConfig());
    }

    String kubeletClientCaPath() {
        return flag(KubeComponent.KUBELET, "--client-ca-file")
                .or(() -> config(kubeletConfigPath()).string("authentication.x509.clientCAFile"))
                .orElse(layout.kubeletClientCaFile());
    }

    /** The kubeconfig {@code component} uses. */
    String kubeconfigPath(KubeComponent component) {
        Optional<String> flag = flag(component, "--kubeconfig");
        return switch (component) {
            case KUBELET -> flag.orElse(layout.kubeletKubeconfig());
            case KUBE_PROXY -> flag.or(() -> config(proxyConfigPath()).string("clientConnection.kubeconfig"))
                    .orElse(layout.proxyKubeconfig());
            case KUBE_SCHEDULER -> flag.or(() -> flag(component, "--config")
                            .flatMap(p -> config(p).string("clientConnection.kubeconfig")))
                    .orElse(layout.schedulerKubeconfig());
            case KUBE_CONTROLLER_MANAGER -> flag.orElse(layout.controllerManagerKubeconfig());
            default -> throw new IllegalArgumentException(component.id() + " has no kubeconfig check");
        };
    }

    String etcdDataDir() {
        return flag(KubeComponent.ETCD, "--data-dir")
                .or(() -> Optional.ofNullable(service(KubeComponent.ETCD).env().get("ETCD_DATA_DIR"))
                        .filter(v -> !v.isEmpty()))
                .orElse(layout.etcdDataDir());
    }

    private Optional<String> flag(KubeComponent component, String flag) {
        return runs(component) ? service(component).flag(flag) : Optional.empty();
    }
}
