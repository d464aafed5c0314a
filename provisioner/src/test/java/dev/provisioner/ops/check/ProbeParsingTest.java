package dev.provisioner.ops.check;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.template.TemplateRenderer;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.provisioner.ops.check.CheckFixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

/** Each probe's reading of outputs the real tools print: healthy, unhealthy, and the edge cases. */
class ProbeParsingTest {
    private final Inventory inv = CheckFixtures.blog();

    private static List<String> lines(List<ProbeResult> results) {
        return results.stream().map(r -> r.probe() + "@" + r.host() + "=" + r.status().label() + ": " + r.detail()).toList();
    }

    @Test
    void registryWithoutAuthAccepts200Only_andACurlErrorIsTheDetail() {
        Inventory plain = CheckFixtures.plainRegistry();
        RegistryHttpProbe p = new RegistryHttpProbe();
        assertThat(p.runsOn(plain)).extracting(h -> h.name()).containsExactly("master");
        assertThat(p.script(plain, host(plain, "master"))).contains(" http://10.4.4.8:5000/v2/ 2>&1").doesNotContain("--cacert");
        assertThat(lines(p.parse(plain, host(plain, "master"), new ProbeOutput(0, "http=401"))))
                .containsExactly("registry-http@registry=failed: GET http://10.4.4.8:5000/v2/ from master: HTTP 401, expected 200");
        assertThat(lines(p.parse(inv, host(inv, "master"), new ProbeOutput(7,
                "curl: (7) Failed to connect to 10.4.4.8 port 5000: Connection refused\nhttp=000"))))
                .containsExactly("registry-http@registry=failed: GET https://10.4.4.8:5000/v2/ from master: "
                        + "curl: (7) Failed to connect to 10.4.4.8 port 5000: Connection refused (trusting /etc/kubernetes/pki/ca.crt)");
        assertThat(p.script(inv, host(inv, "master"))).contains("--cacert /etc/kubernetes/pki/ca.crt https://10.4.4.8:5000/v2/");
    }

    @Test
    void leasesAreMatchedToHostsByPublicIp() {
        FlannelLeaseProbe p = new FlannelLeaseProbe();
        String etcdctl = """
                /coreos.com/network/subnets/172.30.12.0-24
                {"PublicIP":"10.4.4.4","PublicIPv6":null,"BackendType":"vxlan","BackendData":{"VNI":1,"VtepMAC":"aa:bb"}}
                /coreos.com/network/subnets/172.30.99.0-24
                {"PublicIP":"10.9.9.9","BackendType":"vxlan"}
                """;
        assertThat(p.runsOn(inv)).extracting(h -> h.name()).containsExactly("master");
        assertThat(p.script(inv, host(inv, "master")))
                .contains("--endpoints=https://10.4.4.4:2379").contains("get --prefix /coreos.com/network/subnets/");
        List<String> out = lines(p.parse(inv, host(inv, "master"), new ProbeOutput(0, etcdctl)));
        assertThat(out.get(0)).isEqualTo("flannel-lease@master=ok: lease 172.30.12.0/24 for 10.4.4.4 under /coreos.com/network/subnets/");
        assertThat(out.get(1)).startsWith("flannel-lease@node01=failed: no lease for 10.4.4.5 under /coreos.com/network/subnets/ (2 lease(s)");
        List<ProbeResult> flanneldRunning = List.of(ProbeResult.ok("flanneld", "node01", "active"));
        List<ProbeResult> mine = p.parse(inv, host(inv, "master"), new ProbeOutput(0, etcdctl));
        assertThat(p.reconcile(mine, flanneldRunning)).isEqualTo(mine);
    }

    @Test
    void nodesReadyReportsEachNodeReadyNotReadyOrUnregistered() {
        Inventory two = Inventory.builder().clusterName("lab")
                .host("master", h -> h.address("10.4.4.4").roles(dev.provisioner.inventory.Role.MASTER, dev.provisioner.inventory.Role.NODE).keyFile(CheckFixtures.KEY))
                .host("node01", h -> h.address("10.4.4.5").roles(dev.provisioner.inventory.Role.NODE).keyFile(CheckFixtures.KEY))
                .host("node02", h -> h.address("10.4.4.7").roles(dev.provisioner.inventory.Role.NODE).keyFile(CheckFixtures.KEY))
                .set("cluster.registry.enabled", false).build();
        NodesReadyProbe p = new NodesReadyProbe();
        assertThat(lines(p.parse(two, host(two, "master"), new ProbeOutput(0, "node=master True\nnode=node01 False\n"))))
                .containsExactly("node-ready@master=ok: Ready", "node-ready@node01=failed: Ready=False",
                        "node-ready@node02=failed: not registered with the API server (kubectl get nodes on master)");
        assertThat(p.script(two, host(two, "master"))).contains("--kubeconfig=/etc/kubernetes/admin.conf");
    }

    @Test
    void coreDnsNeedsEveryReplicaReady() {
        CoreDnsProbe p = new CoreDnsProbe();
        assertThat(lines(p.parse(inv, host(inv, "master"), new ProbeOutput(0, "ready=2/2"))))
                .containsExactly("coredns@master=ok: deployment kube-system/coredns: 2/2 replicas ready");
        assertThat(lines(p.parse(inv, host(inv, "master"), new ProbeOutput(0, "ready=/2"))))
                .containsExactly("coredns@master=failed: deployment kube-system/coredns: 0/2 replicas ready");
        assertThat(p.script(inv, host(inv, "master"))).contains("notinstalled 'CoreDNS add-on: deployment kube-system/coredns not found'");
    }

    @Test
    void apiserverReadyzNeeds200AndShowsTheFailingChecks() {
        ApiserverReadyProbe p = new ApiserverReadyProbe();
        assertThat(lines(p.parse(inv, host(inv, "master"), new ProbeOutput(0, "ok\nhttp=200"))))
                .containsExactly("apiserver@master=ok: GET https://10.4.4.4:6443/readyz: 200 ok");
        assertThat(lines(p.parse(inv, host(inv, "master"), new ProbeOutput(0, "[-]etcd failed: reason withheld\nreadyz check failed\nhttp=500"))))
                .containsExactly("apiserver@master=failed: HTTP 500: [-]etcd failed: reason withheld; readyz check failed; http=500 "
                        + "(GET https://10.4.4.4:6443/readyz as /etc/kubernetes/pki/admin.crt)");
        assertThat(p.script(inv, host(inv, "master"))).contains("--cert /etc/kubernetes/pki/admin.crt --key /etc/kubernetes/pki/admin.key");
    }

    @Test
    void containerdFailsWhenCtrCannotReachTheDaemon() {
        ContainerdProbe p = new ContainerdProbe();
        assertThat(lines(p.parse(inv, host(inv, "node01"), new ProbeOutput(1,
                "Client:\n  Version: 1.6.20\nctr: failed to dial \"/run/containerd/containerd.sock\": connection refused"))))
                .containsExactly("containerd@node01=failed: Version: 1.6.20; ctr: failed to dial \"/run/containerd/containerd.sock\": "
                        + "connection refused (systemctl is-active containerd.service, ctr version)");
    }

    @Test
    void smokeFailureSkipsTheLaterStepsAndShowsTheEvents() {
        SmokeProbe p = new SmokeProbe("10.4.4.8:5000/nginx:1.27", TemplateRenderer.builtIn());
        List<String> out = lines(p.parse(inv, host(inv, "master"), new ProbeOutput(1,
                "deployment=/2\nWarning Failed pod/smoke-nginx-x Failed to pull image \"10.4.4.8:5000/nginx:1.27\": not found")));
        assertThat(out).containsExactly(
                "smoke-deployment@master=failed: Deployment smoke-nginx (2 x 10.4.4.8:5000/nginx:1.27) not ready (/2): deployment=/2; "
                        + "Warning Failed pod/smoke-nginx-x Failed to pull image \"10.4.4.8:5000/nginx:1.27\": not found",
                "smoke-nodeport@node01=skipped: the smoke Deployment is not ready (see smoke-deployment)",
                "smoke-dns@master=skipped: the smoke Deployment is not ready (see smoke-deployment)");
        List<String> wrongDns = lines(p.parse(inv, host(inv, "master"), new ProbeOutput(0,
                "deployment=2/2\nnodeport=30080\nvia node01=000\nclusterip=10.96.0.57\npod=p\nresolved=\nbyname=no-curl")));
        assertThat(wrongDns).containsExactly(
                "smoke-deployment@master=ok: Deployment smoke-nginx (2 x 10.4.4.8:5000/nginx:1.27) ready 2/2 in provisioner-smoke",
                "smoke-nodeport@node01=failed: GET http://10.4.4.5:30080/ from master: 000",
                "smoke-dns@master=failed: getent hosts smoke-nginx in pod p: '', expected the ClusterIP 10.96.0.57");
    }

    @Test
    void smokeManifestsAreValidYamlInTodaysApiWithTheRegistryImage() {
        SmokeProbe p = new SmokeProbe("10.4.4.8:5000/nginx:1.27", TemplateRenderer.builtIn());
        List<Map<String, Object>> docs = new ArrayList<>();
        new Yaml().loadAll(p.manifest()).forEach(d -> docs.add(asMap(d)));
        assertThat(docs).extracting(d -> d.get("apiVersion") + " " + d.get("kind"))
                .containsExactly("apps/v1 Deployment", "v1 Service", "v1 Service");
        assertThat(p.manifest()).contains("replicas: 2").contains("image: \"10.4.4.8:5000/nginx:1.27\"").contains("type: NodePort")
                .contains("type: ClusterIP");
        assertThat(SmokeProbe.defaultImage(inv)).contains("10.4.4.8:5000/nginx:1.27");
        assertThat(p.script(inv, host(inv, "master"))).contains("k delete namespace \"$ns\"").contains("trap ");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }
}
