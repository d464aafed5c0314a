package dev.provisioner.inventory;

import dev.provisioner.Secret;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code cluster:}, filling every documented default. */
final class ClusterParser {
    static final Set<String> CLUSTER_KEYS = Fields.keys("name", "versions", "network", "serviceCidr", "clusterDns",
            "clusterDomain", "registry", "containerRuntime", "install", "proxy", "ssh", "apiEndpoint", "masters", "encryption", "cis", "etcd");
    private static final Set<String> VERSION_KEYS = Fields.keys("kubernetes", "etcd", "flannel", "containerd", "registry");
    private static final Set<String> NETWORK_KEYS = Fields.keys("podCidr", "subnetLen", "backend", "etcdPrefix");
    private static final Set<String> REGISTRY_KEYS = Fields.keys("enabled", "host", "port", "tls", "insecure", "auth");
    private static final Set<String> REGISTRY_AUTH_KEYS = Fields.keys("user", "password");
    private static final Set<String> INSTALL_KEYS = Fields.keys("default", "kubernetes", "etcd", "flannel", "containerd",
            "registry", "artifactsDir", "requirePinned", "bundle", "imageFallback", "preflightIgnore");
    private static final Set<String> PROXY_KEYS = Fields.keys("http", "https", "noProxy");
    private static final Set<String> SSH_KEYS = Fields.keys("transport", "knownHosts", "hostKeyPolicy", "parallelism", "connectTimeout");

    private final SecretResolver secrets;
    private final LocalPaths paths;
    private final Problems problems;

    ClusterParser(SecretResolver secrets, LocalPaths paths, Problems problems) {
        this.secrets = secrets;
        this.paths = paths;
        this.problems = problems;
    }

    Cluster parse(Fields c, boolean present) {
        if (present) {
            c.require("name", "give the cluster a name such as demo");
        }
        Cidr services = cidr(c, "serviceCidr", Cluster.DEFAULT_SERVICE_CIDR);
        String dns = c.text("clusterDns", Syntax.IPV4, null);
        if (!c.has("clusterDns") && services != null && services.size() > 10) {
            dns = services.addressAt(10);
        }
        return new Cluster(c.text("name", Syntax.NAME, null), versions(c.mapping("versions", VERSION_KEYS)),
                network(c.mapping("network", NETWORK_KEYS)), services, dns,
                c.text("clusterDomain", Syntax.DOMAIN, Cluster.DEFAULT_CLUSTER_DOMAIN),
                registry(c.mapping("registry", REGISTRY_KEYS)),
                c.choice("containerRuntime", ContainerRuntime.class, ContainerRuntime.CONTAINERD),
                install(c.mapping("install", INSTALL_KEYS)),
                c.has("proxy") ? Optional.of(proxy(c.mapping("proxy", PROXY_KEYS))) : Optional.empty(),
                ssh(c.mapping("ssh", SSH_KEYS)), new SecurityParser(problems).parse(c), EtcdBackupParser.parse(c));
    }

    private Versions versions(Fields v) {
        String kubernetes = version(v, "kubernetes", Versions.KUBERNETES);
        if (kubernetes != null && !Versions.supportedKubernetes(kubernetes)) {
            problems.errorAt(v.pathOf("kubernetes"), "Kubernetes " + kubernetes + " is not supported: the templates are written for "
                    + Versions.SUPPORTED_KUBERNETES, "use a 1.31 to 1.34 release, e.g. \"" + Versions.KUBERNETES + "\"");
        }
        if (v.has("registry")) {
            problems.errorAt(v.pathOf("registry"), "the registry is installed from the OS package (docker-registry), whose version"
                    + " the distribution decides; versions.registry would be ignored", "remove versions.registry");
        }
        return new Versions(kubernetes, version(v, "etcd", Versions.ETCD),
                version(v, "flannel", Versions.FLANNEL), version(v, "containerd", Versions.CONTAINERD),
                version(v, "registry", Versions.REGISTRY));
    }

    private static String version(Fields v, String key, String fallback) {
        String s = v.text(key, Syntax.VERSION_NUMBER, fallback);
        return s != null && s.startsWith("v") ? s.substring(1) : s;
    }

    private PodNetwork network(Fields n) {
        Integer subnetLen = n.integer("subnetLen", PodNetwork.DEFAULT_SUBNET_LEN, 1, 32);
        return new PodNetwork(cidr(n, "podCidr", PodNetwork.DEFAULT_POD_CIDR), subnetLen == null ? 0 : subnetLen,
                n.choice("backend", FlannelBackend.class, FlannelBackend.VXLAN),
                n.text("etcdPrefix", Syntax.PREFIX, PodNetwork.DEFAULT_ETCD_PREFIX));
    }

    private static Cidr cidr(Fields f, String key, String fallback) {
        String s = f.text(key, CidrSyntax::check, fallback);
        return s == null ? null : Cidr.parse(s);
    }

    private RegistrySettings registry(Fields r) {
        Boolean tls = r.bool("tls", true);
        Optional<RegistrySettings.Auth> auth = Optional.empty();
        if (r.has("auth")) {
            Fields a = r.mapping("auth", REGISTRY_AUTH_KEYS);
            a.require("user", "add the htpasswd user name");
            a.require("password", "add password: ${env:REGISTRY_PASSWORD}");
            String user = a.text("user", Syntax.USER_NAME, null);
            Secret password = a.secret("password", secrets);
            auth = password == null ? Optional.empty() : Optional.of(new RegistrySettings.Auth(user, password));
            if (Boolean.FALSE.equals(tls)) {
                problems.errorAt(r.pathOf("auth"), "htpasswd authentication requires TLS",
                        "set cluster.registry.tls: true, or remove auth");
            }
        }
        Integer port = r.integer("port", RegistrySettings.DEFAULT_PORT, 1, 65535);
        Boolean enabled = r.bool("enabled", true);
        Boolean insecure = r.bool("insecure", false);
        return new RegistrySettings(!Boolean.FALSE.equals(enabled), Optional.ofNullable(r.text("host", Syntax.NAME, null)),
                port == null ? 0 : port, !Boolean.FALSE.equals(tls), Boolean.TRUE.equals(insecure), auth);
    }

    private InstallSettings install(Fields i) {
        InstallSource fallback = i.choice("default", InstallSource.class, InstallSource.BINARIES);
        Map<Component, InstallSource> sources = new EnumMap<>(Component.class);
        boolean artifacts = false;
        for (Component c : Component.values()) {
            InstallSource s = i.choice(Fields.yamlName(c), InstallSource.class, fallback);
            sources.put(c, s == null ? InstallSource.BINARIES : s);
            artifacts |= s == InstallSource.ARTIFACTS;
            String key = i.has(Fields.yamlName(c)) ? Fields.yamlName(c) : "default";
            if (s == InstallSource.PACKAGES && (c == Component.KUBERNETES || c == Component.FLANNEL)) {
                problems.errorAt(i.pathOf(key), "install source 'packages' is not implemented for " + Fields.yamlName(c)
                        + ": it is installed from release binaries", "set cluster.install." + Fields.yamlName(c)
                        + ": binaries (or artifacts)");
            }
            if (c == Component.REGISTRY && i.has(key) && key.equals("registry") && s != InstallSource.PACKAGES) {
                problems.errorAt(i.pathOf(key), "install source '" + (s == null ? "" : Fields.yamlName(s))
                        + "' is not implemented for the registry: it is installed from the OS package",
                        "set cluster.install.registry: packages, or remove it");
            }
        }
        Path dir = i.localPath("artifactsDir", paths, null);
        if (artifacts && !i.has("artifactsDir")) {
            problems.errorAt(i.path(), "install source 'artifacts' needs artifactsDir",
                    "add artifactsDir: the folder holding the release files");
        }
        Path bundle = i.localPath("bundle", paths, null);
        if (bundle != null && !java.nio.file.Files.isRegularFile(bundle)) {
            problems.errorAt(i.pathOf("bundle"), "bundle file " + bundle + " does not exist",
                    "create it on a connected machine with: provisioner bundle create -i INVENTORY -o FILE");
        }
        return new InstallSettings(sources, Optional.ofNullable(dir), Boolean.TRUE.equals(i.bool("requirePinned", false)),
                Optional.ofNullable(bundle), Boolean.TRUE.equals(i.bool("imageFallback", false)),
                preflightIgnore(i));
    }

    private static Set<String> preflightIgnore(Fields i) {
        List<String> names = i.list("preflightIgnore", v -> InstallSettings.PREFLIGHT_CHECKS.contains(v) ? null
                : new Complaint("unknown preflight check " + Complaint.show(v),
                        "use one of " + String.join(", ", InstallSettings.PREFLIGHT_CHECKS)));
        return names == null ? Set.of() : Set.copyOf(names);
    }

    private ProxySettings proxy(Fields p) {
        List<String> extra = p.list("noProxy", Syntax.NO_PROXY_ENTRY);
        return new ProxySettings(Optional.ofNullable(p.text("http", Syntax.PROXY, null)),
                Optional.ofNullable(p.text("https", Syntax.PROXY, null)), extra == null ? List.of() : extra, List.of());
    }

    private SshSettings ssh(Fields s) {
        HostKeyPolicy policy = s.choice("hostKeyPolicy", HostKeyPolicy.class, HostKeyPolicy.STRICT);
        if (policy == HostKeyPolicy.INSECURE_ACCEPT_ANY) {
            problems.errorAt(s.pathOf("hostKeyPolicy"), "insecure-accept-any is never taken from an inventory: a man in the middle could read every secret",
                    "use strict or accept-new; for a throw-away lab with key authentication pass --insecure-accept-any-host-key on the command line");
        }
        Integer parallelism = s.integer("parallelism", SshSettings.DEFAULT_PARALLELISM, 1, 1000);
        Integer timeout = s.integer("connectTimeout", SshSettings.DEFAULT_CONNECT_TIMEOUT_SECONDS, 1, 600);
        return new SshSettings(s.choice("transport", SshTransport.class, SshTransport.SSHJ),
                s.localPath("knownHosts", paths, "~/.ssh/known_hosts"), policy,
                parallelism == null ? 0 : parallelism, timeout == null ? null : Duration.ofSeconds(timeout));
    }
}
