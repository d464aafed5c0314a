package dev.provisioner.component.kube;

import dev.provisioner.inventory.Host;
import dev.provisioner.pki.HostPaths;
import dev.provisioner.pki.PkiNames;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.StepContext;
import dev.provisioner.transport.Command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Renders a master's control-plane files. Pure, apart from the shared PKI and key sources. */
final class ControlPlaneFiles {
    /** TLS 1.2 suites allowed by CIS 1.2.29 (the TLS 1.3 suites are not configurable and always on). */
    static final String TLS_CIPHER_SUITES = String.join(",", List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305"));

    private final StepContext ctx;
    private final KubeSources sources;
    private final KubeCluster cluster;
    private final Host host;

    ControlPlaneFiles(StepContext ctx, KubeSources sources) {
        this.ctx = ctx;
        this.sources = sources;
        this.cluster = KubeCluster.of(ctx.inventory());
        this.host = ctx.host();
    }

    boolean firstMaster() {
        return ctx.inventory().view().firstMaster().name().equals(host.name());
    }

    /** Configs and kubeconfigs (everything but the units). */
    List<DesiredFile> configs() {
        List<DesiredFile> out = new ArrayList<>();
        out.add(secret(KubePaths.ADMISSION_CONFIG, render("kube/admission-control.yaml.ftl", Map.of()), false));
        out.add(secret(KubePaths.AUDIT_POLICY, render("kube/audit-policy.yaml.ftl", Map.of()), false));
        out.add(secret(KubePaths.ENCRYPTION_CONFIG, render("kube/encryption-config.yaml.ftl",
                Map.of("providers", sources.encryptionKeys().providers(ctx.inventory()))), true));
        String admin = KubeCluster.adminUrl(ctx.inventory(), host);
        String local = KubeCluster.apiServerUrl(ctx.inventory(), host);
        out.add(kubeconfig(KubePaths.ADMIN_CONF, admin, "kubernetes-admin", PkiNames.ADMIN));
        if (firstMaster()) {
            out.add(kubeconfig(KubePaths.SUPER_ADMIN_CONF, local, "kubernetes-super-admin", PkiNames.SUPER_ADMIN));
        }
        out.add(kubeconfig(KubePaths.CONTROLLER_MANAGER_CONF, local, "system:kube-controller-manager", PkiNames.CONTROLLER_MANAGER));
        out.add(kubeconfig(KubePaths.SCHEDULER_CONF, local, "system:kube-scheduler", PkiNames.SCHEDULER));
        return out;
    }

    List<ServicesStep.Service> services() {
        Map<String, Object> pki = pkiModel();
        Map<String, Object> api = base(pki);
        api.put("advertiseAddress", host.internalAddress());
        api.put("securePort", KubePaths.SECURE_PORT);
        api.put("admissionConfig", KubePaths.ADMISSION_CONFIG);
        api.put("tlsCipherSuites", TLS_CIPHER_SUITES);
        api.put("etcdServers", cluster.etcdServers());
        api.put("serviceAccountIssuer", cluster.serviceAccountIssuer());
        api.put("serviceCidr", cluster.serviceCidr());
        api.put("encryptionConfig", KubePaths.ENCRYPTION_CONFIG);
        api.put("auditPolicy", KubePaths.AUDIT_POLICY);
        api.put("auditLog", KubePaths.AUDIT_LOG);
        Map<String, Object> cm = base(pki);
        cm.put("kubeconfig", KubePaths.CONTROLLER_MANAGER_CONF);
        cm.put("serviceCidr", cluster.serviceCidr());
        cm.put("clusterName", cluster.name());
        Map<String, Object> sched = base(pki);
        sched.put("kubeconfig", KubePaths.SCHEDULER_CONF);
        return List.of(
                service("kube-apiserver", api, Set.of(KubePaths.ADMISSION_CONFIG, KubePaths.AUDIT_POLICY, KubePaths.ENCRYPTION_CONFIG,
                        HostPaths.CA_CERT, HostPaths.APISERVER_CERT, HostPaths.APISERVER_KEY, HostPaths.APISERVER_KUBELET_CLIENT_CERT,
                        HostPaths.APISERVER_KUBELET_CLIENT_KEY, HostPaths.APISERVER_ETCD_CLIENT_CERT, HostPaths.APISERVER_ETCD_CLIENT_KEY,
                        HostPaths.ETCD_CA_CERT, HostPaths.SA_KEY, HostPaths.SA_PUB, HostPaths.FRONT_PROXY_CA_CERT,
                        HostPaths.FRONT_PROXY_CLIENT_CERT, HostPaths.FRONT_PROXY_CLIENT_KEY, KubePaths.binary("kube-apiserver"))),
                service("kube-controller-manager", cm, Set.of(KubePaths.CONTROLLER_MANAGER_CONF, HostPaths.CA_CERT, HostPaths.CA_KEY,
                        HostPaths.SA_KEY, HostPaths.FRONT_PROXY_CA_CERT, KubePaths.binary("kube-controller-manager"))),
                service("kube-scheduler", sched, Set.of(KubePaths.SCHEDULER_CONF, KubePaths.binary("kube-scheduler"))));
    }

    /** {@code /readyz} with the admin client certificate: anonymous requests get 401 (--anonymous-auth=false). */
    ServicesStep.Probe readyz() {
        String url = "https://127.0.0.1:" + KubePaths.SECURE_PORT + "/readyz";
        String script = "curl -sf --max-time 5 --cacert " + Command.quote(HostPaths.CA_CERT)
                + " --cert " + Command.quote(HostPaths.ADMIN_CERT) + " --key " + Command.quote(HostPaths.ADMIN_KEY)
                + " " + url + " >/dev/null";
        return new ServicesStep.Probe("GET " + url + " (admin client certificate) answers ok", script, java.time.Duration.ofSeconds(120));
    }

    private ServicesStep.Service service(String name, Map<String, Object> model, Set<String> watched) {
        String text = render("kube/" + name + ".service.ftl", model);
        DesiredFile unit = DesiredFile.text(KubePaths.unit(name), text).withMode(0600).asUnitFile();
        return new ServicesStep.Service(name + ".service", unit, watched);
    }

    private Map<String, Object> base(Map<String, Object> pki) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", cluster.version());
        m.put("binDir", KubePaths.BIN_DIR);
        m.put("pki", pki);
        return m;
    }

    static Map<String, Object> pkiModel() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ca", HostPaths.CA_CERT);
        p.put("caKey", HostPaths.CA_KEY);
        p.put("apiserverCert", HostPaths.APISERVER_CERT);
        p.put("apiserverKey", HostPaths.APISERVER_KEY);
        p.put("kubeletClientCert", HostPaths.APISERVER_KUBELET_CLIENT_CERT);
        p.put("kubeletClientKey", HostPaths.APISERVER_KUBELET_CLIENT_KEY);
        p.put("etcdCa", HostPaths.ETCD_CA_CERT);
        p.put("etcdClientCert", HostPaths.APISERVER_ETCD_CLIENT_CERT);
        p.put("etcdClientKey", HostPaths.APISERVER_ETCD_CLIENT_KEY);
        p.put("saPub", HostPaths.SA_PUB);
        p.put("saKey", HostPaths.SA_KEY);
        p.put("frontProxyCa", HostPaths.FRONT_PROXY_CA_CERT);
        p.put("frontProxyClientCert", HostPaths.FRONT_PROXY_CLIENT_CERT);
        p.put("frontProxyClientKey", HostPaths.FRONT_PROXY_CLIENT_KEY);
        return p;
    }

    private DesiredFile kubeconfig(String path, String server, String user, String credential) {
        return Kubeconfig.file(ctx.templates(), path, cluster.name(), server, user,
                sources.credential(credential), sources.trust(PkiNames.CA));
    }

    private DesiredFile secret(String path, String text, boolean sensitive) {
        DesiredFile f = DesiredFile.text(path, text).withMode(0600);
        return sensitive ? f.asSensitive() : f;
    }

    private String render(String template, Map<String, ?> model) {
        return ctx.templates().render(template, model);
    }
}
