package dev.provisioner.pki;

import dev.provisioner.inventory.Inventory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link HostLayout#files} called directly with stand-in PEMs ({@code CERT <name>}, {@code KEY <name>}): every file
 * of every host with its path, mode, owner, source and content, in order. Computed inside each test (no shared
 * fixture), so that a mutation tool attributes the layout's lines to these tests.
 */
class HostLayoutFilesTest {
    private static final ServiceAccountKeys SA = new ServiceAccountKeys(ascii("SA PRIVATE"), ascii("SA PUBLIC"));

    @Test
    void theFirstMasterGetsControlPlaneKubeletFlannelAndEtcdFilesEachOnce() {
        assertThat(describe(layout(PkiFixtures.THREE_MASTERS, true).get("master"))).containsExactly(Stream.of(
                List.of(
                        "/etc/kubernetes/pki/ca.crt 0644 root:root ca CERT ca",
                        "/etc/kubernetes/pki/ca.key 0600 root:root ca KEY ca",
                        "/etc/kubernetes/pki/apiserver.crt 0644 root:root apiserver CERT apiserver",
                        "/etc/kubernetes/pki/apiserver.key 0600 root:root apiserver KEY apiserver",
                        "/etc/kubernetes/pki/apiserver-kubelet-client.crt 0644 root:root apiserver-kubelet-client CERT apiserver-kubelet-client",
                        "/etc/kubernetes/pki/apiserver-kubelet-client.key 0600 root:root apiserver-kubelet-client KEY apiserver-kubelet-client",
                        "/etc/kubernetes/pki/apiserver-etcd-client.crt 0644 root:root apiserver-etcd-client CERT apiserver-etcd-client",
                        "/etc/kubernetes/pki/apiserver-etcd-client.key 0600 root:root apiserver-etcd-client KEY apiserver-etcd-client",
                        "/etc/kubernetes/pki/front-proxy-ca.crt 0644 root:root front-proxy-ca CERT front-proxy-ca",
                        "/etc/kubernetes/pki/front-proxy-client.crt 0644 root:root front-proxy-client CERT front-proxy-client",
                        "/etc/kubernetes/pki/front-proxy-client.key 0600 root:root front-proxy-client KEY front-proxy-client",
                        "/etc/kubernetes/pki/sa.key 0600 root:root sa SA PRIVATE",
                        "/etc/kubernetes/pki/sa.pub 0644 root:root sa SA PUBLIC",
                        "/etc/kubernetes/pki/etcd/ca.crt 0644 root:root etcd/ca CERT etcd/ca",
                        "/etc/kubernetes/pki/admin.crt 0644 root:root admin CERT admin",
                        "/etc/kubernetes/pki/admin.key 0600 root:root admin KEY admin",
                        "/etc/kubernetes/pki/controller-manager.crt 0644 root:root controller-manager CERT controller-manager",
                        "/etc/kubernetes/pki/controller-manager.key 0600 root:root controller-manager KEY controller-manager",
                        "/etc/kubernetes/pki/scheduler.crt 0644 root:root scheduler CERT scheduler",
                        "/etc/kubernetes/pki/scheduler.key 0600 root:root scheduler KEY scheduler",
                        "/etc/kubernetes/pki/super-admin.crt 0644 root:root super-admin CERT super-admin",
                        "/etc/kubernetes/pki/super-admin.key 0600 root:root super-admin KEY super-admin"),
                kubeletFiles("master"), flannelFiles(), etcdMemberFiles("master")).flatMap(List::stream).toArray(String[]::new));
    }

    @Test
    void theOtherMastersGetNoSuperAdminButTheirOwnKubeletAndEtcdIdentities() {
        Map<String, List<HostFile>> files = layout(PkiFixtures.THREE_MASTERS, true);
        for (String master : List.of("master2", "master3")) {
            List<String> lines = describe(files.get(master));
            assertThat(lines).as(master).noneMatch(l -> l.contains("super-admin"));
            assertThat(lines.subList(0, 20)).as(master).contains(
                    "/etc/kubernetes/pki/ca.key 0600 root:root ca KEY ca",
                    "/etc/kubernetes/pki/scheduler.key 0600 root:root scheduler KEY scheduler");
            assertThat(lines.subList(20, lines.size())).as(master).containsExactly(Stream.of(kubeletFiles(master), flannelFiles(),
                    etcdMemberFiles(master)).flatMap(List::stream).toArray(String[]::new));
        }
    }

    @Test
    void aNodeGetsOnlyItsKubeletKubeProxyAndFlannelFiles() {
        Map<String, List<HostFile>> files = layout(PkiFixtures.THREE_MASTERS, true);
        for (String node : List.of("node01", "node02")) {
            assertThat(describe(files.get(node))).as(node).containsExactly(Stream.of(
                    List.of("/etc/kubernetes/pki/ca.crt 0644 root:root ca CERT ca"), kubeletFiles(node),
                    List.of("/etc/kubernetes/pki/etcd/ca.crt 0644 root:root etcd/ca CERT etcd/ca"), flannelFiles())
                    .flatMap(List::stream).toArray(String[]::new));
        }
    }

    @Test
    void theRegistryHostGetsTheClusterCaAndItsServingPairOnlyWhenARegistryCertificateWasIssued() {
        assertThat(describe(layout(PkiFixtures.THREE_MASTERS, true).get("registry"))).containsExactly(
                "/etc/registry/pki/ca.crt 0644 root:root ca CERT ca",
                "/etc/registry/pki/registry.crt 0644 root:root registry CERT registry",
                "/etc/registry/pki/registry.key 0600 root:root registry KEY registry");
        Map<String, List<HostFile>> withoutTls = layout(PkiFixtures.THREE_MASTERS, false);
        assertThat(withoutTls.get("registry")).isEmpty();
        assertThat(withoutTls.get("master")).extracting(HostFile::path).noneMatch(p -> p.startsWith("/etc/registry/"));
    }

    @Test
    void everyHostOfTheInventoryHasAnEntryInInventoryOrder() {
        assertThat(layout(PkiFixtures.THREE_MASTERS, true).keySet())
                .containsExactly("master", "master2", "master3", "node01", "node02", "registry");
    }

    @Test
    void aTrustBundleReplacesTheCaCertificateEverywhereButNotTheCaKey() {
        Inventory inventory = PkiFixtures.inventory(PkiFixtures.THREE_MASTERS);
        Map<String, byte[]> trust = Map.of(PkiNames.CA, ascii("CERT ca\nCERT ca.next"), PkiNames.ETCD_CA,
                ascii("CERT etcd/ca\nCERT etcd/ca.next"));
        Map<String, List<HostFile>> files = HostLayout.files(inventory, issued(inventory, true), trust, SA);
        assertThat(describe(files.get("registry")).get(0)).isEqualTo("/etc/registry/pki/ca.crt 0644 root:root ca CERT ca\nCERT ca.next");
        assertThat(describe(files.get("node01"))).contains("/etc/kubernetes/pki/ca.crt 0644 root:root ca CERT ca\nCERT ca.next",
                "/etc/kubernetes/pki/etcd/ca.crt 0644 root:root etcd/ca CERT etcd/ca\nCERT etcd/ca.next");
        assertThat(describe(files.get("master"))).contains("/etc/kubernetes/pki/ca.key 0600 root:root ca KEY ca",
                "/etc/etcd/pki/ca.crt 0644 etcd:etcd etcd/ca CERT etcd/ca\nCERT etcd/ca.next",
                "/etc/kubernetes/pki/front-proxy-ca.crt 0644 root:root front-proxy-ca CERT front-proxy-ca");
    }

    @Test
    void aCertificateTheLayoutNeedsButNobodyIssuedIsAnError() {
        Inventory inventory = PkiFixtures.inventory(PkiFixtures.THREE_MASTERS);
        Map<String, KeyCert> issued = issued(inventory, true);
        issued.remove(PkiNames.etcdPeer("master2"));
        assertThatThrownBy(() -> HostLayout.files(inventory, issued, SA)).isInstanceOf(IllegalStateException.class)
                .hasMessage("no certificate etcd/master2/peer was issued");
    }

    /** A kubelet host's own files after the cluster CA certificate (which a master already has). */
    private static List<String> kubeletFiles(String host) {
        return List.of(
                "/etc/kubernetes/pki/kubelet.crt 0644 root:root kubelet/" + host + "/server CERT kubelet/" + host + "/server",
                "/etc/kubernetes/pki/kubelet.key 0600 root:root kubelet/" + host + "/server KEY kubelet/" + host + "/server",
                "/etc/kubernetes/pki/kubelet-client.crt 0644 root:root kubelet/" + host + "/client CERT kubelet/" + host + "/client",
                "/etc/kubernetes/pki/kubelet-client.key 0600 root:root kubelet/" + host + "/client KEY kubelet/" + host + "/client",
                "/etc/kubernetes/pki/kube-proxy.crt 0644 root:root kube-proxy CERT kube-proxy",
                "/etc/kubernetes/pki/kube-proxy.key 0600 root:root kube-proxy KEY kube-proxy");
    }

    private static List<String> flannelFiles() {
        return List.of(
                "/etc/kubernetes/pki/flannel-etcd-client.crt 0644 root:root flannel-etcd-client CERT flannel-etcd-client",
                "/etc/kubernetes/pki/flannel-etcd-client.key 0600 root:root flannel-etcd-client KEY flannel-etcd-client");
    }

    private static List<String> etcdMemberFiles(String host) {
        return List.of(
                "/etc/etcd/pki/ca.crt 0644 etcd:etcd etcd/ca CERT etcd/ca",
                "/etc/etcd/pki/server.crt 0644 etcd:etcd etcd/" + host + "/server CERT etcd/" + host + "/server",
                "/etc/etcd/pki/server.key 0600 etcd:etcd etcd/" + host + "/server KEY etcd/" + host + "/server",
                "/etc/etcd/pki/peer.crt 0644 etcd:etcd etcd/" + host + "/peer CERT etcd/" + host + "/peer",
                "/etc/etcd/pki/peer.key 0600 etcd:etcd etcd/" + host + "/peer KEY etcd/" + host + "/peer",
                "/etc/etcd/pki/healthcheck-client.crt 0644 etcd:etcd etcd/healthcheck-client CERT etcd/healthcheck-client",
                "/etc/etcd/pki/healthcheck-client.key 0600 etcd:etcd etcd/healthcheck-client KEY etcd/healthcheck-client",
                "/etc/etcd/pki/root-client.crt 0644 root:root etcd/root-client CERT etcd/root-client",
                "/etc/etcd/pki/root-client.key 0600 root:root etcd/root-client KEY etcd/root-client");
    }

    private static Map<String, List<HostFile>> layout(String yaml, boolean registryIssued) {
        Inventory inventory = PkiFixtures.inventory(yaml);
        return HostLayout.files(inventory, issued(inventory, registryIssued), SA);
    }

    /** A stand-in for every certificate the catalogue names for {@code inventory}. */
    private static Map<String, KeyCert> issued(Inventory inventory, boolean registry) {
        List<String> names = new ArrayList<>(List.of(PkiNames.CA, PkiNames.ETCD_CA, PkiNames.FRONT_PROXY_CA,
                PkiNames.APISERVER, PkiNames.APISERVER_KUBELET_CLIENT, PkiNames.APISERVER_ETCD_CLIENT, PkiNames.FRONT_PROXY_CLIENT,
                PkiNames.ADMIN, PkiNames.SUPER_ADMIN, PkiNames.CONTROLLER_MANAGER, PkiNames.SCHEDULER, PkiNames.KUBE_PROXY,
                PkiNames.FLANNEL_ETCD_CLIENT, PkiNames.ETCD_HEALTHCHECK_CLIENT, PkiNames.ETCD_ROOT_CLIENT));
        if (registry) {
            names.add(PkiNames.REGISTRY);
        }
        inventory.hosts().forEach(h -> names.addAll(List.of(PkiNames.kubeletServer(h.name()), PkiNames.kubeletClient(h.name()),
                PkiNames.etcdServer(h.name()), PkiNames.etcdPeer(h.name()))));
        Map<String, KeyCert> out = new LinkedHashMap<>();
        names.forEach(n -> out.put(n, new KeyCert(n, (java.security.cert.X509Certificate) null, null, ascii("CERT " + n), ascii("KEY " + n))));
        return out;
    }

    private static List<String> describe(List<HostFile> files) {
        return files.stream().map(f -> String.format("%s %04o %s:%s %s %s", f.path(), f.mode(), f.owner(), f.group(), f.source(),
                f.text())).toList();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
