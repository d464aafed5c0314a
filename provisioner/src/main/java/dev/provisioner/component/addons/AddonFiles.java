package dev.provisioner.component.addons;

import dev.provisioner.component.kube.KubeCluster;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.StepContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The add-on manifests, rendered for the first master. */
final class AddonFiles {
    static final String DIR = "/etc/kubernetes/addons";
    /** Applied with the super-admin credential: only system:masters can create it at first. */
    static final String CLUSTER_ADMINS = DIR + "/00-cluster-admins.yaml";
    static final String KUBELET_API = DIR + "/10-kubelet-api.yaml";
    static final String COREDNS = DIR + "/20-coredns.yaml";
    /** CoreDNS shipped with kubeadm for Kubernetes 1.34 (cmd/kubeadm/app/constants). */
    static final String COREDNS_VERSION = "v1.12.1";
    static final String COREDNS_IMAGE = "registry.k8s.io/coredns/coredns:" + COREDNS_VERSION;
    /** The apiserver-kubelet-client certificate's CN (see the PKI). */
    static final String APISERVER_KUBELET_USER = "kube-apiserver-kubelet-client";

    private final StepContext ctx;

    AddonFiles(StepContext ctx) {
        this.ctx = ctx;
    }

    List<DesiredFile> all() {
        KubeCluster cluster = KubeCluster.of(ctx.inventory());
        Map<String, Object> dns = new LinkedHashMap<>();
        dns.put("corednsVersion", COREDNS_VERSION);
        dns.put("image", COREDNS_IMAGE);
        dns.put("clusterDomain", cluster.clusterDomain());
        dns.put("clusterDns", cluster.clusterDns());
        dns.put("replicas", Math.min(2, ctx.inventory().view().nodes().size()));
        return List.of(
                file(CLUSTER_ADMINS, "addons/cluster-admins.yaml.ftl", Map.of()),
                file(KUBELET_API, "addons/kubelet-api.yaml.ftl", Map.of("apiserverKubeletUser", APISERVER_KUBELET_USER)),
                file(COREDNS, "addons/coredns.yaml.ftl", dns));
    }

    private DesiredFile file(String path, String template, Map<String, ?> model) {
        return DesiredFile.text(path, ctx.templates().render(template, model)).withMode(0600);
    }
}
