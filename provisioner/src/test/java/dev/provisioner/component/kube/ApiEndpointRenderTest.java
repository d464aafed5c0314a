package dev.provisioner.component.kube;

import dev.provisioner.component.apilb.ApiLbFiles;
import dev.provisioner.component.apilb.ApiLbPhase;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.pki.ClusterPki;
import dev.provisioner.step.DesiredFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which API server every kubeconfig names: with several masters never a single master from a host that is not
 * a master (the node-local haproxy, or cluster.apiEndpoint); masters their own. Golden file for haproxy.cfg.
 */
class ApiEndpointRenderTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/apilb/ha/haproxy.cfg");
    static final List<String> NODE_KUBECONFIGS = List.of(KubePaths.KUBELET_CONF, KubePaths.KUBE_PROXY_CONF);
    static final List<String> MASTER_LOCAL = List.of(KubePaths.CONTROLLER_MANAGER_CONF, KubePaths.SCHEDULER_CONF,
            KubePaths.KUBELET_CONF, KubePaths.KUBE_PROXY_CONF);

    @TempDir
    Path state;

    static String server(Map<String, List<DesiredFile>> rendered, String host, String path) {
        Map<?, ?> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(KubeRender.file(rendered, host, path).orElseThrow().text());
        Map<?, ?> cluster = (Map<?, ?>) ((Map<?, ?>) ((List<?>) doc.get("clusters")).get(0)).get("cluster");
        return (String) cluster.get("server");
    }

    @Test
    void severalMastersWithoutAnEndpointUseTheNodeLocalProxy() throws Exception {
        Inventory inv = HaInventories.threeMasters("");
        Map<String, List<DesiredFile>> rendered = KubeRender.render(inv, state);
        for (String node : List.of("node-0", "node-1")) {
            for (String path : NODE_KUBECONFIGS) {
                assertThat(server(rendered, node, path)).as(node + path).isEqualTo("https://127.0.0.1:6443");
            }
            DesiredFile cfg = KubeRender.file(rendered, node, ApiLbFiles.CONFIG).orElseThrow();
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(GOLDEN.getParent());
                Files.writeString(GOLDEN, cfg.text());
            }
            assertThat(cfg.text()).isEqualTo(Files.readString(GOLDEN));
            DesiredFile pem = KubeRender.file(rendered, node, ApiLbFiles.CHECK_PEM).orElseThrow();
            assertThat(pem.mode()).isEqualTo(0600);
            assertThat(pem.sensitive()).isTrue();
            assertThat(pem.text()).contains("BEGIN CERTIFICATE").contains("PRIVATE KEY");
        }
        int i = 4;
        for (String master : List.of("master-0", "master-1", "master-2")) {
            String own = "https://10.10.1." + i++ + ":6443";
            for (String path : MASTER_LOCAL) {
                assertThat(server(rendered, master, path)).as(master + path).isEqualTo(own);
            }
            assertThat(server(rendered, master, KubePaths.ADMIN_CONF)).isEqualTo(own);
            assertThat(KubeRender.file(rendered, master, ApiLbFiles.CONFIG)).as("no proxy on a master").isEmpty();
        }
        assertThat(KubeRender.file(rendered, "registry", ApiLbFiles.CONFIG)).isEmpty();
        assertThat(ApiLbPhase.create(inv, null).orElseThrow().selectHosts(inv)).extracting(h -> h.name())
                .containsExactly("node-0", "node-1");
    }

    @Test
    void anApiEndpointIsUsedEverywhereButForTheMastersOwnComponentsAndIsInTheCertificate() throws Exception {
        Inventory inv = HaInventories.threeMasters("  apiEndpoint: {address: k8s-api.example.com, port: 443}\n");
        Map<String, List<DesiredFile>> rendered = KubeRender.render(inv, state);
        for (String node : List.of("node-0", "node-1")) {
            for (String path : NODE_KUBECONFIGS) {
                assertThat(server(rendered, node, path)).isEqualTo("https://k8s-api.example.com:443");
            }
            assertThat(KubeRender.file(rendered, node, ApiLbFiles.CONFIG)).as("no node-local proxy").isEmpty();
        }
        assertThat(server(rendered, "master-1", KubePaths.ADMIN_CONF)).isEqualTo("https://k8s-api.example.com:443");
        assertThat(server(rendered, "master-1", KubePaths.SCHEDULER_CONF)).isEqualTo("https://10.10.1.5:6443");
        assertThat(ApiLbPhase.create(inv, null)).isEmpty();
        byte[] pem = ClusterPki.standard().ensure(inv, state).credential("apiserver").orElseThrow().certificatePem();
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
        assertThat(cert.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList())
                .contains("k8s-api.example.com", "10.10.1.4", "127.0.0.1");
    }

    @Test
    void oneMasterIsReachedDirectly() {
        Inventory inv = Inventory.loader().withEnv(n -> "x").load(KubeRender.INVENTORIES.resolve("blog-2018.yaml"));
        Map<String, List<DesiredFile>> rendered = KubeRender.render(inv, state);
        String master = "https://" + inv.view().firstMaster().internalAddress() + ":6443";
        for (String node : List.of("node01", "node02")) {
            assertThat(server(rendered, node, KubePaths.KUBELET_CONF)).isEqualTo(master);
            assertThat(KubeRender.file(rendered, node, ApiLbFiles.CONFIG)).isEmpty();
        }
    }
}
