package dev.provisioner.pki;

import dev.provisioner.inventory.ClusterView;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which host receives which file, at which path (see {@link HostPaths}). A host gets only what its
 * roles use: CA private keys other than the cluster CA's (which the controller-manager signs with)
 * never leave the state directory, and the break-glass super-admin goes to the first master only.
 */
final class HostLayout {
    static final String ROOT = "root";
    static final String ETCD_USER = "etcd";

    private final Map<String, KeyCert> issued;
    private final ServiceAccountKeys sa;
    private final Map<String, byte[]> trust;

    private HostLayout(Map<String, KeyCert> issued, Map<String, byte[]> trust, ServiceAccountKeys sa) {
        this.issued = issued;
        this.trust = trust;
        this.sa = sa;
    }

    static Map<String, List<HostFile>> files(Inventory inventory, Map<String, KeyCert> issued, ServiceAccountKeys sa) {
        return files(inventory, issued, Map.of(), sa);
    }

    /** With {@code trust}: a CA's certificate file holds that bundle instead (a CA rotation trusts two CAs). */
    static Map<String, List<HostFile>> files(Inventory inventory, Map<String, KeyCert> issued, Map<String, byte[]> trust,
                                             ServiceAccountKeys sa) {
        HostLayout layout = new HostLayout(issued, trust, sa);
        Map<String, List<HostFile>> byHost = new LinkedHashMap<>();
        for (Host host : inventory.hosts()) {
            byHost.put(host.name(), layout.forHost(host, inventory.view()));
        }
        return byHost;
    }

    private List<HostFile> forHost(Host host, ClusterView view) {
        Files files = new Files();
        boolean master = host.hasRole(Role.MASTER);
        if (master) {
            files.cert(HostPaths.CA_CERT, PkiNames.CA);
            files.key(HostPaths.CA_KEY, PkiNames.CA);
            files.pair(HostPaths.APISERVER_CERT, HostPaths.APISERVER_KEY, PkiNames.APISERVER);
            files.pair(HostPaths.APISERVER_KUBELET_CLIENT_CERT, HostPaths.APISERVER_KUBELET_CLIENT_KEY, PkiNames.APISERVER_KUBELET_CLIENT);
            files.pair(HostPaths.APISERVER_ETCD_CLIENT_CERT, HostPaths.APISERVER_ETCD_CLIENT_KEY, PkiNames.APISERVER_ETCD_CLIENT);
            files.cert(HostPaths.FRONT_PROXY_CA_CERT, PkiNames.FRONT_PROXY_CA);
            files.pair(HostPaths.FRONT_PROXY_CLIENT_CERT, HostPaths.FRONT_PROXY_CLIENT_KEY, PkiNames.FRONT_PROXY_CLIENT);
            files.add(new HostFile(HostPaths.SA_KEY, sa.privateKeyPem(), 0600, ROOT, ROOT, PkiNames.SERVICE_ACCOUNT));
            files.add(new HostFile(HostPaths.SA_PUB, sa.publicKeyPem(), 0644, ROOT, ROOT, PkiNames.SERVICE_ACCOUNT));
            files.cert(HostPaths.ETCD_CA_CERT, PkiNames.ETCD_CA);
            files.pair(HostPaths.ADMIN_CERT, HostPaths.ADMIN_KEY, PkiNames.ADMIN);
            files.pair(HostPaths.CONTROLLER_MANAGER_CERT, HostPaths.CONTROLLER_MANAGER_KEY, PkiNames.CONTROLLER_MANAGER);
            files.pair(HostPaths.SCHEDULER_CERT, HostPaths.SCHEDULER_KEY, PkiNames.SCHEDULER);
            if (view.firstMaster().name().equals(host.name())) {
                files.pair(HostPaths.SUPER_ADMIN_CERT, HostPaths.SUPER_ADMIN_KEY, PkiNames.SUPER_ADMIN);
            }
        }
        if (host.runsKubelet()) {
            files.cert(HostPaths.CA_CERT, PkiNames.CA);
            files.pair(HostPaths.KUBELET_CERT, HostPaths.KUBELET_KEY, PkiNames.kubeletServer(host.name()));
            files.pair(HostPaths.KUBELET_CLIENT_CERT, HostPaths.KUBELET_CLIENT_KEY, PkiNames.kubeletClient(host.name()));
            files.pair(HostPaths.KUBE_PROXY_CERT, HostPaths.KUBE_PROXY_KEY, PkiNames.KUBE_PROXY);
        }
        if (host.runsFlannel()) {
            files.cert(HostPaths.ETCD_CA_CERT, PkiNames.ETCD_CA);
            files.pair(HostPaths.FLANNEL_ETCD_CLIENT_CERT, HostPaths.FLANNEL_ETCD_CLIENT_KEY, PkiNames.FLANNEL_ETCD_CLIENT);
        }
        if (view.etcdMembers().stream().anyMatch(m -> m.name().equals(host.name()))) {
            files.etcd(HostPaths.ETCD_MEMBER_CA_CERT, certificatePem(PkiNames.ETCD_CA), 0644, PkiNames.ETCD_CA);
            etcdPair(files, HostPaths.ETCD_SERVER_CERT, HostPaths.ETCD_SERVER_KEY, PkiNames.etcdServer(host.name()));
            etcdPair(files, HostPaths.ETCD_PEER_CERT, HostPaths.ETCD_PEER_KEY, PkiNames.etcdPeer(host.name()));
            etcdPair(files, HostPaths.ETCD_HEALTHCHECK_CLIENT_CERT, HostPaths.ETCD_HEALTHCHECK_CLIENT_KEY, PkiNames.ETCD_HEALTHCHECK_CLIENT);
            // etcd's root identity: root's alone (etcd itself never reads it), on the members only.
            files.pair(HostPaths.ETCD_ROOT_CLIENT_CERT, HostPaths.ETCD_ROOT_CLIENT_KEY, PkiNames.ETCD_ROOT_CLIENT);
        }
        if (view.registryHost().filter(r -> r.name().equals(host.name())).isPresent() && issued.containsKey(PkiNames.REGISTRY)) {
            files.cert(HostPaths.REGISTRY_CA_CERT, PkiNames.CA);
            files.pair(HostPaths.REGISTRY_CERT, HostPaths.REGISTRY_KEY, PkiNames.REGISTRY);
        }
        return files.list();
    }

    private void etcdPair(Files files, String certPath, String keyPath, String name) {
        KeyCert kc = issued(name);
        files.etcd(certPath, kc.certificatePem(), 0644, name);
        files.etcd(keyPath, kc.keyPem(), 0600, name);
    }

    private byte[] certificatePem(String name) {
        byte[] bundle = trust.get(name);
        return bundle != null ? bundle : issued(name).certificatePem();
    }

    private KeyCert issued(String name) {
        KeyCert kc = issued.get(name);
        if (kc == null) {
            throw new IllegalStateException("no certificate " + name + " was issued");
        }
        return kc;
    }

    /** The files of one host, each path once. */
    private final class Files {
        private final Map<String, HostFile> byPath = new LinkedHashMap<>();

        void cert(String path, String name) {
            add(new HostFile(path, certificatePem(name), 0644, ROOT, ROOT, name));
        }

        void key(String path, String name) {
            add(new HostFile(path, issued(name).keyPem(), 0600, ROOT, ROOT, name));
        }

        void pair(String certPath, String keyPath, String name) {
            cert(certPath, name);
            key(keyPath, name);
        }

        void etcd(String path, byte[] pem, int mode, String name) {
            add(new HostFile(path, pem, mode, ETCD_USER, ETCD_USER, name));
        }

        void add(HostFile f) {
            HostFile before = byPath.putIfAbsent(f.path(), f);
            if (before != null && !before.equals(f)) {
                throw new IllegalStateException("two different files for " + f.path() + ": " + before + " and " + f);
            }
        }

        List<HostFile> list() {
            return List.copyOf(new ArrayList<>(byPath.values()));
        }
    }
}
