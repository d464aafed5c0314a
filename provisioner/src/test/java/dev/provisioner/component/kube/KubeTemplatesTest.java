package dev.provisioner.component.kube;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.pki.ClusterPki;
import dev.provisioner.pki.PkiBundle;
import dev.provisioner.pki.PkiNames;
import dev.provisioner.step.DesiredFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered Kubernetes, flannel and add-on files of the shipped blog-2018 inventory: golden files
 * for everything that is not secret (run with {@code -Dgolden.update=true} to rewrite them after a
 * deliberate template change), every YAML/JSON config and kubeconfig parses, kubeconfig credentials
 * chain to the cluster CA and carry the expected names, modes are as the CIS contract says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubeTemplatesTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/kube/blog-2018");
    static final Set<String> OURS = Set.of("/etc/kubernetes/", "/var/lib/kubelet/", "/var/lib/kube-proxy/",
            "/etc/systemd/system/kube", "/etc/systemd/system/flanneld", "/etc/cni/", "/etc/sysctl.d/90-kubelet");

    @TempDir
    static Path state;
    Inventory inv;
    Map<String, List<DesiredFile>> rendered;
    PkiBundle pki;

    @BeforeAll
    void render() {
        inv = KubeRender.LOADER.load(KubeRender.INVENTORIES.resolve("blog-2018.yaml"));
        rendered = KubeRender.render(inv, state);
        pki = ClusterPki.standard().ensure(inv, state);
    }

    static boolean ours(DesiredFile f) {
        return OURS.stream().anyMatch(f.path()::startsWith) && !f.path().startsWith("/etc/kubernetes/pki/");
    }

    List<DesiredFile> ours(String host) {
        return rendered.getOrDefault(host, List.of()).stream().filter(KubeTemplatesTest::ours).toList();
    }

    @Test
    void nonSecretFilesMatchTheGoldenFiles() throws IOException {
        boolean update = Boolean.getBoolean("golden.update");
        List<String> compared = new ArrayList<>();
        for (String host : List.of("master", "node01")) {
            for (DesiredFile f : ours(host)) {
                if (f.sensitive()) {
                    continue;
                }
                Path golden = GOLDEN.resolve(host).resolve(f.path().substring(1));
                if (update) {
                    Files.createDirectories(golden.getParent());
                    Files.writeString(golden, f.text());
                }
                assertThat(golden).as("golden file for " + host + ":" + f.path()).exists();
                assertThat(f.text()).as(host + ":" + f.path()).isEqualTo(Files.readString(golden));
                compared.add(host + ":" + f.path());
            }
        }
        assertThat(compared).contains("master:/etc/systemd/system/kube-apiserver.service",
                "master:/etc/systemd/system/kube-controller-manager.service", "master:/etc/systemd/system/kube-scheduler.service",
                "master:/etc/systemd/system/flanneld.service", "master:/etc/kubernetes/addons/20-coredns.yaml",
                "node01:/etc/systemd/system/kubelet.service", "node01:/var/lib/kubelet/config.yaml",
                "node01:/var/lib/kube-proxy/config.yaml", "node01:/etc/cni/net.d/10-flannel.conflist");
    }

    @Test
    void everyConfigAndKubeconfigParses() {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        int parsed = 0;
        for (List<DesiredFile> files : rendered.values()) {
            for (DesiredFile f : files) {
                if (ours(f) && (f.path().endsWith(".yaml") || f.path().endsWith(".conf") && f.path().startsWith("/etc/kubernetes/")
                        || f.path().endsWith(".conflist"))) {
                    List<Object> docs = new ArrayList<>();
                    yaml.loadAll(f.text()).forEach(docs::add);
                    assertThat(docs).as(f.path()).isNotEmpty().allSatisfy(d -> assertThat(d).as(f.path()).isInstanceOf(Map.class));
                    parsed++;
                }
            }
        }
        assertThat(parsed).isGreaterThan(15);
        Map<?, ?> kubelet = yaml.load(KubeRender.file(rendered, "node01", KubePaths.KUBELET_CONFIG).orElseThrow().text());
        assertThat(kubelet.get("kind")).isEqualTo("KubeletConfiguration");
        assertThat(kubelet.get("clusterDNS")).isEqualTo(List.of(inv.cluster().clusterDns()));
        assertThat(kubelet.get("protectKernelDefaults")).isEqualTo(true);
        assertThat(kubelet.get("failSwapOn")).isEqualTo(true);
        assertThat(kubelet.get("containerRuntimeEndpoint")).isEqualTo("unix:///run/containerd/containerd.sock");
        Map<?, ?> proxy = yaml.load(KubeRender.file(rendered, "node01", KubePaths.KUBE_PROXY_CONFIG).orElseThrow().text());
        assertThat(proxy.get("clusterCIDR")).isEqualTo("172.30.0.0/16");
    }

    @Test
    void serviceCidrAndClusterDnsAreTheSameEverywhere() {
        String api = KubeRender.file(rendered, "master", KubePaths.unit("kube-apiserver")).orElseThrow().text();
        String cm = KubeRender.file(rendered, "master", KubePaths.unit("kube-controller-manager")).orElseThrow().text();
        String cidr = inv.cluster().serviceCidr().toString();
        assertThat(api).contains("--service-cluster-ip-range=" + cidr + " \\");
        assertThat(cm).contains("--service-cluster-ip-range=" + cidr + " \\");
        assertThat(api).contains("--etcd-servers=https://10.4.4.4:2379 \\");
        String dns = KubeRender.file(rendered, "master", "/etc/kubernetes/addons/20-coredns.yaml").orElseThrow().text();
        assertThat(dns).contains("clusterIP: \"" + inv.cluster().clusterDns() + "\"");
        assertThat(inv.cluster().clusterDns()).isEqualTo("10.96.0.10");
    }

    @Test
    void kubeconfigsCarryCredentialsThatChainToTheClusterCaWithTheRightNames() throws Exception {
        X509Certificate ca = cert(pki.credential(PkiNames.CA).orElseThrow().certificatePem());
        record Expect(String host, String path, String cn, String org, String server) {
        }
        List<Expect> expected = List.of(
                new Expect("master", KubePaths.ADMIN_CONF, "kubernetes-admin", "kubeadm:cluster-admins", "https://10.4.4.4:6443"),
                new Expect("master", KubePaths.SUPER_ADMIN_CONF, "kubernetes-super-admin", "system:masters", "https://10.4.4.4:6443"),
                new Expect("master", KubePaths.CONTROLLER_MANAGER_CONF, "system:kube-controller-manager", null, "https://10.4.4.4:6443"),
                new Expect("master", KubePaths.SCHEDULER_CONF, "system:kube-scheduler", null, "https://10.4.4.4:6443"),
                new Expect("node01", KubePaths.KUBELET_CONF, "system:node:node01", "system:nodes", "https://10.4.4.4:6443"),
                new Expect("node02", KubePaths.KUBELET_CONF, "system:node:node02", "system:nodes", "https://10.4.4.4:6443"),
                new Expect("node01", KubePaths.KUBE_PROXY_CONF, "system:kube-proxy", null, "https://10.4.4.4:6443"));
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        for (Expect e : expected) {
            DesiredFile f = KubeRender.file(rendered, e.host(), e.path()).orElseThrow();
            assertThat(f.mode()).as(e.path()).isEqualTo(0600);
            assertThat(f.sensitive()).as(e.path()).isTrue();
            Map<?, ?> kc = yaml.load(f.text());
            Map<?, ?> cluster = (Map<?, ?>) ((Map<?, ?>) ((List<?>) kc.get("clusters")).get(0)).get("cluster");
            Map<?, ?> userEntry = (Map<?, ?>) ((List<?>) kc.get("users")).get(0);
            Map<?, ?> user = (Map<?, ?>) userEntry.get("user");
            assertThat(cluster.get("server")).isEqualTo(e.server());
            assertThat(cert(b64(cluster.get("certificate-authority-data")))).isEqualTo(ca);
            X509Certificate client = cert(b64(user.get("client-certificate-data")));
            client.verify(ca.getPublicKey());
            String subject = client.getSubjectX500Principal().getName();
            assertThat(subject).as(e.path()).contains("CN=" + e.cn());
            if (e.org() != null) {
                assertThat(subject).as(e.path()).contains("O=" + e.org());
            }
            assertThat(userEntry.get("name")).isEqualTo(e.cn());
            assertThat(new String(b64(user.get("client-key-data")), StandardCharsets.US_ASCII)).contains("PRIVATE KEY");
        }
        assertThat(KubeRender.file(rendered, "node01", KubePaths.SUPER_ADMIN_CONF)).isEmpty();
    }

    @Test
    void kubeletServingCertificatesAreSignedByTheKubeletCaAndNameTheNodeAddress() throws Exception {
        X509Certificate ca = cert(pki.credential(PkiNames.CA).orElseThrow().certificatePem());
        for (String node : List.of("node01", "node02")) {
            X509Certificate serving = cert(pki.credential(PkiNames.kubeletServer(node)).orElseThrow().certificatePem());
            serving.verify(ca.getPublicKey());
            String ip = inv.host(node).orElseThrow().internalAddress();
            assertThat(serving.getSubjectAlternativeNames()).anySatisfy(san -> assertThat(san.get(1)).isEqualTo(ip));
        }
        X509Certificate apiserver = cert(pki.credential(PkiNames.APISERVER).orElseThrow().certificatePem());
        assertThat(apiserver.getSubjectAlternativeNames()).anySatisfy(san -> assertThat(san.get(1)).isEqualTo("10.96.0.1"));
        String api = KubeRender.file(rendered, "master", KubePaths.unit("kube-apiserver")).orElseThrow().text();
        assertThat(api).contains("--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt \\");
        String kubelet = KubeRender.file(rendered, "node01", KubePaths.KUBELET_CONFIG).orElseThrow().text();
        assertThat(kubelet).contains("tlsCertFile: /etc/kubernetes/pki/kubelet.crt");
    }

    @Test
    void modesFollowTheCisContractAndSecretsAreSensitive() {
        for (String host : List.of("master", "node01")) {
            for (DesiredFile f : ours(host)) {
                if (f.path().startsWith("/etc/systemd/system/kube") || f.path().startsWith("/etc/kubernetes/")
                        || f.path().startsWith("/var/lib/") || f.path().startsWith("/etc/cni/")) {
                    assertThat(f.mode()).as(host + ":" + f.path()).isEqualTo(0600);
                }
                assertThat(f.owner() + ":" + f.group()).as(f.path()).isEqualTo("root:root");
            }
        }
        DesiredFile enc = KubeRender.file(rendered, "master", KubePaths.ENCRYPTION_CONFIG).orElseThrow();
        assertThat(enc.sensitive()).isTrue();
        String key = EncryptionKey.of(state, dev.provisioner.inventory.EncryptionKeyRef.defaultKey()).base64();
        assertThat(enc.text()).contains("      - secretbox:\n          keys:\n            - name: key1\n              secret: " + key + "\n");
        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(KubeRender.hasRole(inv, "master", Role.MASTER)).isTrue();
    }

    private static byte[] b64(Object o) {
        return Base64.getDecoder().decode((String) o);
    }

    private static X509Certificate cert(byte[] pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
    }
}
