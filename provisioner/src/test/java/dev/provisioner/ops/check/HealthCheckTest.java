package dev.provisioner.ops.check;

import dev.provisioner.connect.ConnectionFactory;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.transport.UnreachableException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner over {@link CannedConnection} fakes (see there why): one connection and one round trip
 * per host, results about the right hosts, "not installed" and timeouts reported uniformly,
 * unreachable hosts, reconciliation and ordering.
 */
class HealthCheckTest {
    private final Inventory inv = CheckFixtures.blog();

    /** A lab without Kubernetes or flannel: etcd, registry and containerd healthy. */
    private Map<String, CannedConnection> labWithoutKube() {
        CannedConnection master = new CannedConnection("master")
                .answer("etcd", 0, "https://10.4.4.4:2379 is healthy: successfully committed proposal: took = 2.1ms")
                .answer("registry-http", 0, "http=401")
                .answer("flanneld", 90, "not installed: no flanneld.service on master")
                .answer("flannel-lease", 0, "")
                .answer("apiserver", 90, "not installed: no kube-apiserver.service on master")
                .answer("node-ready", 90, "not installed: no kube-apiserver.service on master")
                .answer("coredns", 90, "not installed: no kube-apiserver.service on master");
        CannedConnection node = new CannedConnection("node01")
                .answer("flanneld", 90, "not installed: no flanneld.service on node01")
                .answer("containerd", 0, "Client:\n  Version:  1.6.20~ds1\n  Revision: x\n\nServer:\n  Version:  1.6.20~ds1\n  UUID: y\n");
        CannedConnection registry = new CannedConnection("registry").answer("registry-service", 0, "docker-registry.service is active");
        return Map.of("master", master, "node01", node, "registry", registry);
    }

    private static ConnectionFactory factory(Map<String, CannedConnection> fakes) {
        return (host, endpoint) -> fakes.get(host.name());
    }

    @Test
    void everyComponentIsReportedOnceAboutTheRightHostInOneRoundTripPerHost() {
        Map<String, CannedConnection> fakes = labWithoutKube();
        CheckReport r = HealthCheck.builder().inventory(inv).connectionFactory(factory(fakes)).build().run();

        assertThat(r.results()).extracting(p -> p.probe() + "@" + p.host() + "=" + p.status().label()).containsExactly(
                "connect@master=ok", "connect@node01=ok", "connect@registry=ok",
                "etcd@master=ok",
                "registry-service@registry=ok",
                "registry-http@registry=ok",
                "flanneld@master=skipped", "flanneld@node01=skipped",
                "flannel-lease@master=skipped", "flannel-lease@node01=skipped",
                "containerd@master=ok", "containerd@node01=ok",
                "apiserver@master=skipped",
                "node-ready@master=skipped", "node-ready@node01=skipped",
                "coredns@master=skipped",
                "smoke@master=skipped");
        assertThat(r.result("registry-http", "registry").orElseThrow().detail())
                .isEqualTo("GET https://10.4.4.8:5000/v2/ from master: 401 (auth on)");
        assertThat(r.result("containerd", "node01").orElseThrow().detail())
                .isEqualTo("containerd.service active; ctr version: client 1.6.20~ds1, server 1.6.20~ds1");
        assertThat(r.result("apiserver", "master").orElseThrow())
                .satisfies(a -> assertThat(a.status()).isEqualTo(ProbeStatus.NOT_INSTALLED))
                .satisfies(a -> assertThat(a.detail()).isEqualTo("not installed: no kube-apiserver.service on master"));
        assertThat(r.result("flannel-lease", "node01").orElseThrow().detail())
                .isEqualTo("not installed: flanneld is not installed on node01, so it holds no lease");
        assertThat(r.result("smoke", "master").orElseThrow().detail()).isEqualTo("not requested (pass --smoke)");
        fakes.values().forEach(f -> assertThat(f.commands).as(f.endpoint().name()).hasSize(1)
                .allSatisfy(c -> assertThat(c.root()).isTrue()));
        assertThat(r.ok()).isFalse();
        assertThat(r.failures()).isEmpty();
    }

    @Test
    void aStoppedEtcdIsExactlyOneFailedProbeNamingTheUnit() {
        Map<String, CannedConnection> fakes = labWithoutKube();
        CheckReport healthy = HealthCheck.builder().inventory(inv).connectionFactory(factory(fakes)).build().run();
        fakes.get("master").answer("etcd", 1, "etcd.service is inactive")
                .answer("flannel-lease", 1, "Error: context deadline exceeded");
        CheckReport r = HealthCheck.builder().inventory(inv).connectionFactory(factory(fakes)).build().run();

        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.probe()).isEqualTo("etcd");
            assertThat(f.host()).isEqualTo("master");
            assertThat(f.detail()).isEqualTo("etcd.service is inactive (etcdctl endpoint health https://10.4.4.4:2379)");
        });
        assertThat(r.results().stream().filter(p -> !p.probe().equals("etcd")).map(p -> p.probe() + p.host() + p.status()))
                .containsExactlyElementsOf(healthy.results().stream().filter(p -> !p.probe().equals("etcd"))
                        .map(p -> p.probe() + p.host() + p.status()).toList());
    }

    @Test
    void aTimedOutProbeNamesWhatWasProbedAndItsLimit() {
        Map<String, CannedConnection> fakes = labWithoutKube();
        fakes.get("master").answer("etcd", ProbeScripts.TIMED_OUT, "");
        CheckReport r = HealthCheck.builder().inventory(inv).connectionFactory(factory(fakes)).build().run();
        assertThat(r.result("etcd", "master").orElseThrow()).satisfies(e -> {
            assertThat(e.status()).isEqualTo(ProbeStatus.FAILED);
            assertThat(e.detail()).isEqualTo("timed out after 15 s on master: etcdctl endpoint health https://10.4.4.4:2379");
        });
    }

    @Test
    void anUnreachableHostFailsItsConnectAndSkipsItsProbesWithTheReason() {
        Map<String, CannedConnection> fakes = labWithoutKube();
        ConnectionFactory f = (host, endpoint) -> {
            if (host.name().equals("master")) {
                throw new UnreachableException("master", "connection refused");
            }
            return fakes.get(host.name());
        };
        CheckReport r = HealthCheck.builder().inventory(inv).connectionFactory(f).build().run();
        assertThat(r.unreachable()).isTrue();
        assertThat(r.result("connect", "master").orElseThrow().detail()).contains("connection refused");
        // registry-http runs on master but is about the registry; node-ready runs on master, is about node01.
        assertThat(r.result("registry-http", "registry").orElseThrow()).satisfies(x -> {
            assertThat(x.status()).isEqualTo(ProbeStatus.SKIPPED);
            assertThat(x.detail()).isEqualTo("not run: cannot connect to master");
        });
        assertThat(r.result("node-ready", "node01").orElseThrow().status()).isEqualTo(ProbeStatus.SKIPPED);
        assertThat(r.result("containerd", "node01").orElseThrow().status()).isEqualTo(ProbeStatus.OK);
    }

    @Test
    void smokeRequestedOnAClusterWithoutApiserverIsNotInstalledAndNeverRuns() {
        Map<String, CannedConnection> fakes = labWithoutKube();
        CheckReport r = HealthCheck.builder().inventory(inv).connectionFactory(factory(fakes)).smoke(true).build().run();
        assertThat(r.result("smoke", "master").orElseThrow()).satisfies(s -> {
            assertThat(s.status()).isEqualTo(ProbeStatus.NOT_INSTALLED);
            assertThat(s.detail()).isEqualTo("not installed: no kube-apiserver.service on master");
        });
        assertThat(fakes.get("master").commands).hasSize(1);
    }

    @Test
    void smokeRunsAsASecondRoundTripOnTheFirstMasterWhenTheApiserverIsReady() {
        Map<String, CannedConnection> fakes = labWithoutKube();
        fakes.get("master").answer("apiserver", 0, "ok\nhttp=200")
                .answer("smoke", 0, "deployment=2/2\nnodeport=31234\nvia node01=200\nclusterip=10.96.0.57\npod=smoke-nginx-abc\n"
                        + "resolved=10.96.0.57      smoke-nginx.provisioner-smoke.svc.cluster.local\nbyname=200");
        CheckReport r = HealthCheck.builder().inventory(inv).connectionFactory(factory(fakes)).smoke(true).build().run();
        assertThat(fakes.get("master").commands).hasSize(2);
        assertThat(fakes.get("master").commands.get(1).display()).isEqualTo("health probes [smoke]");
        assertThat(r.results()).filteredOn(x -> x.probe().startsWith("smoke"))
                .extracting(x -> x.probe() + "@" + x.host() + "=" + x.status().label())
                .containsExactly("smoke-deployment@master=ok", "smoke-nodeport@node01=ok", "smoke-dns@master=ok");
        assertThat(r.result("smoke-nodeport", "node01").orElseThrow().detail()).isEqualTo("GET http://10.4.4.5:31234/ from master: 200");
        assertThat(r.result("smoke-dns", "master").orElseThrow().detail())
                .isEqualTo("getent hosts smoke-nginx in pod smoke-nginx-abc: 10.96.0.57 (the ClusterIP); GET http://smoke-nginx/ by name: 200");
    }
}
