package dev.provisioner.component.kube;

import dev.provisioner.inventory.Host;
import dev.provisioner.pki.HostPaths;
import dev.provisioner.pki.PkiNames;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.StepContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Renders a node's kubelet and kube-proxy files. */
final class NodeFiles {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./_-]*");
    private static final Pattern LABEL_VALUE = Pattern.compile("[A-Za-z0-9._-]*");

    private final StepContext ctx;
    private final KubeSources sources;
    private final KubeCluster cluster;
    private final Host host;

    NodeFiles(StepContext ctx, KubeSources sources) {
        this.ctx = ctx;
        this.sources = sources;
        this.cluster = KubeCluster.of(ctx.inventory());
        this.host = ctx.host();
    }

    List<DesiredFile> configs() {
        List<DesiredFile> out = new ArrayList<>();
        out.add(DesiredFile.text(KubePaths.KUBELET_ENV, render("kube/kubelet.env.ftl", Map.of("args", kubeletArgs()))).withMode(0600));
        Map<String, Object> kc = new LinkedHashMap<>();
        kc.put("clientCaFile", HostPaths.CA_CERT);
        kc.put("tlsCertFile", HostPaths.KUBELET_CERT);
        kc.put("tlsPrivateKeyFile", HostPaths.KUBELET_KEY);
        kc.put("clusterDomain", cluster.clusterDomain());
        kc.put("clusterDns", cluster.clusterDns());
        kc.put("resolvConf", dev.provisioner.facts.HostResolver.resolvConf(ctx.facts()));
        kc.put("controlPlaneTaint", host.hasRole(dev.provisioner.inventory.Role.MASTER)
                && !ctx.inventory().cluster().security().mastersSchedulable());
        kc.put("taintKey", ControlPlaneNodeStep.TAINT);
        out.add(DesiredFile.text(KubePaths.KUBELET_CONFIG, render("kube/kubelet-config.yaml.ftl", kc)).withMode(0600));
        String server = KubeCluster.apiServerUrl(ctx.inventory(), host);
        byte[] ca = sources.trust(PkiNames.CA);
        out.add(Kubeconfig.file(ctx.templates(), KubePaths.KUBELET_CONF, cluster.name(), server, "system:node:" + host.name(),
                sources.credential(PkiNames.kubeletClient(host.name())), ca));
        out.add(DesiredFile.text(KubePaths.KUBE_PROXY_CONFIG, render("kube/kube-proxy-config.yaml.ftl",
                Map.of("kubeconfig", KubePaths.KUBE_PROXY_CONF, "clusterCidr", cluster.podCidr()))).withMode(0600));
        out.add(Kubeconfig.file(ctx.templates(), KubePaths.KUBE_PROXY_CONF, cluster.name(), server, "system:kube-proxy",
                sources.credential(PkiNames.KUBE_PROXY), ca));
        return out;
    }

    /** Command-line-only kubelet settings: the node IP and the inventory's node labels. */
    String kubeletArgs() {
        StringBuilder args = new StringBuilder("--node-ip=").append(host.internalAddress());
        if (!host.labels().isEmpty()) {
            List<String> labels = new ArrayList<>();
            host.labels().forEach((k, v) -> {
                if (!LABEL.matcher(k).matches() || !LABEL_VALUE.matcher(v).matches()) {
                    throw new IllegalArgumentException(host.name() + ": node label " + k + "=" + v + " is not a valid Kubernetes label");
                }
                labels.add(k + "=" + v);
            });
            args.append(" --node-labels=").append(String.join(",", labels));
        }
        return args.append(" --v=2").toString();
    }

    List<ServicesStep.Service> services() {
        Map<String, Object> kubelet = new LinkedHashMap<>();
        kubelet.put("version", cluster.version());
        kubelet.put("binDir", KubePaths.BIN_DIR);
        kubelet.put("envFile", KubePaths.KUBELET_ENV);
        kubelet.put("config", KubePaths.KUBELET_CONFIG);
        kubelet.put("kubeconfig", KubePaths.KUBELET_CONF);
        Map<String, Object> proxy = new LinkedHashMap<>();
        proxy.put("version", cluster.version());
        proxy.put("binDir", KubePaths.BIN_DIR);
        proxy.put("config", KubePaths.KUBE_PROXY_CONFIG);
        return List.of(
                service("kubelet", kubelet, Set.of(KubePaths.KUBELET_ENV, KubePaths.KUBELET_CONFIG, KubePaths.KUBELET_CONF,
                        HostPaths.CA_CERT, HostPaths.KUBELET_CERT, HostPaths.KUBELET_KEY, KubePaths.binary("kubelet"))),
                service("kube-proxy", proxy, Set.of(KubePaths.KUBE_PROXY_CONFIG, KubePaths.KUBE_PROXY_CONF, KubePaths.binary("kube-proxy"))));
    }

    private ServicesStep.Service service(String name, Map<String, Object> model, Set<String> watched) {
        DesiredFile unit = DesiredFile.text(KubePaths.unit(name), render("kube/" + name + ".service.ftl", model)).withMode(0600).asUnitFile();
        return new ServicesStep.Service(name + ".service", unit, watched);
    }

    private String render(String template, Map<String, ?> model) {
        return ctx.templates().render(template, model);
    }
}
