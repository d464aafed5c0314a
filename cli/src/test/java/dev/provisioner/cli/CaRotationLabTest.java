package dev.provisioner.cli;

import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.pki.ClusterPki;
import dev.provisioner.pki.HostPaths;
import dev.provisioner.testsupport.LabHost;
import dev.provisioner.testsupport.LabHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LIVE: {@code certs renew --ca} then {@code certs renew --ca --finish} through the CLI on the lab of
 * {@link CertsRenewLabTest} (master: etcd from OS packages and the TLS registry; node01: a node, whose
 * flannel etcd client identity is the client here). Proves the transition property: after phase 1 etcd
 * and the registry serve leaves of the NEW CAs (a client holding only the old CA file can no longer
 * verify them, one holding the distributed bundle can), while etcd still ACCEPTS a client certificate the
 * OLD etcd CA signed; after phase 2 that old client certificate is refused and the new one accepted. etcd
 * answers health checks after every phase; a client with the distributed files polls etcd throughout
 * both phases and never fails certificate verification (this lab has one etcd member, so its restarts are
 * short outages, which the poll tolerates: only TLS trust failures count). A plan after each phase is
 * empty; {@code certs check} shows the rotation; misuse is refused with exit code 1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaRotationLabTest {
    private static final String ONLY = CertsRenewLabTest.ONLY;
    private static final String OLD = "/root/old-etcd-client";
    private LabHosts lab;
    private Path inventory;
    private Path state;

    @BeforeAll
    void start() throws Exception {
        lab = LabHosts.start("master", "node01");
        inventory = LabInventory.write(lab, "rotate", true, new String[] {"etcd: packages"}, "master", "[master, registry]",
                "node01", "[node]");
        state = lab.dir().resolve("state");
        ProvisionReport applied = EngineHooks.builder(Inventory.load(inventory)).stateDirectory(state)
                .onlyPhases(List.of(ONLY.split(","))).build().apply();
        assertThat(applied.failures()).isEmpty();
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private LabHost node01() {
        return lab.host("node01");
    }

    private String etcdUrl() {
        return "https://" + lab.host("master").address() + ":2379/health";
    }

    /** curl's exit code for GET /health on master's etcd from node01 with this CA file and client identity. */
    private int etcdHealth(String caFile, String cert, String key) {
        return node01().exec("curl -sS --fail --max-time 5 --cacert " + caFile + " --cert " + cert + " --key " + key + " "
                + etcdUrl() + " | grep -q '\"health\":\"true\"'").exitCode();
    }

    /** With node01's own (distributed) etcd CA file and flannel client identity. */
    private int etcdHealthAsNode01() {
        return etcdHealth(HostPaths.ETCD_CA_CERT, HostPaths.FLANNEL_ETCD_CLIENT_CERT, HostPaths.FLANNEL_ETCD_CLIENT_KEY);
    }

    private X509Certificate stateCa(String name) throws Exception {
        return ServedTls.certificates(ClusterPki.pkiDirectory(state).resolve(name + ".crt")).get(0);
    }

    private CliRun cli(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("-i", inventory.toString(), "--state", state.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    private CliRun renew(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("certs", "renew"));
        args.addAll(List.of(extra));
        args.addAll(List.of("--only", ONLY));
        return cli(args.toArray(String[]::new));
    }

    private void assertPlanEmpty() {
        CliRun plan = cli("plan", "--only", ONLY);
        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
    }

    /** Runs {@code action} while node01 polls etcd with its distributed files; returns curl's exit codes and how often each came. */
    private Map<Integer, Integer> polling(Supplier<CliRun> action, CliRun[] result) throws Exception {
        Map<Integer, Integer> codes = new ConcurrentHashMap<>();
        AtomicBoolean done = new AtomicBoolean();
        Thread poller = new Thread(() -> {
            while (!done.get()) {
                codes.merge(etcdHealthAsNode01(), 1, Integer::sum);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        poller.start();
        try {
            result[0] = action.get();
        } finally {
            done.set(true);
            poller.join(30_000);
        }
        return codes;
    }

    @Test
    void rotationTrustsOldClientsDuringTheTransitionAndRefusesThemAfterTheFinish() throws Exception {
        X509Certificate oldEtcdCa = stateCa("etcd/ca");
        X509Certificate oldCa = stateCa("ca");
        // Keep node01's OLD-CA-signed etcd client identity and the old etcd CA file, as a client not yet updated would.
        node01().execOk("install -d -m 0700 " + OLD + " && cp -p " + HostPaths.FLANNEL_ETCD_CLIENT_CERT + " " + OLD + "/client.crt"
                + " && cp -p " + HostPaths.FLANNEL_ETCD_CLIENT_KEY + " " + OLD + "/client.key && cp " + HostPaths.ETCD_CA_CERT
                + " " + OLD + "/ca.crt");
        assertThat(etcdHealth(OLD + "/ca.crt", OLD + "/client.crt", OLD + "/client.key")).isZero();
        assertThat(renew("--ca", "--finish").exitCode()).as("finish without a rotation").isEqualTo(ExitCodes.ERROR);

        CliRun[] phase1 = new CliRun[1];
        Map<Integer, Integer> during1 = polling(() -> renew("--ca"), phase1);
        assertThat(phase1[0].exitCode()).as(phase1[0].out() + phase1[0].err()).isZero();
        assertThat(during1).as("curl exit codes while phase 1 rolled out").doesNotContainKeys(51, 60).containsKey(0);

        // Served leaves are the NEW CAs'.
        X509Certificate newEtcdCa = stateCa("etcd/ca");
        X509Certificate newCa = stateCa("ca");
        assertThat(newEtcdCa).isNotEqualTo(oldEtcdCa);
        X509Certificate etcdServed = ServedTls.served(node01(), lab.host("master"), 2379);
        X509Certificate registryServed = ServedTls.served(node01(), lab.host("master"), 5000);
        assertThat(ServedTls.signedBy(etcdServed, newEtcdCa)).isTrue();
        assertThat(ServedTls.signedBy(etcdServed, oldEtcdCa)).isFalse();
        assertThat(ServedTls.signedBy(registryServed, newCa)).isTrue();
        assertThat(ServedTls.signedBy(registryServed, oldCa)).isFalse();
        // A client with only the old CA file cannot verify them; the distributed bundle can (openssl on node01).
        // (etcd requires a client certificate: node01's own is given, so only the server's verification can fail.)
        String verifyWith = "timeout 5 openssl s_client -verify_return_error -cert " + HostPaths.FLANNEL_ETCD_CLIENT_CERT
                + " -key " + HostPaths.FLANNEL_ETCD_CLIENT_KEY + " -connect " + lab.host("master").address() + ":2379 -CAfile ";
        LabHost.Exec withOld = node01().exec(verifyWith + OLD + "/ca.crt </dev/null 2>&1");
        assertThat(withOld.exitCode()).as(withOld.stdout()).isNotZero();
        assertThat(withOld.stdout()).contains("verify error");
        LabHost.Exec withBundle = node01().exec(verifyWith + HostPaths.ETCD_CA_CERT + " </dev/null 2>&1");
        assertThat(withBundle.exitCode()).as(withBundle.stdout()).isZero();
        assertThat(withBundle.stdout()).contains("Verify return code: 0 (ok)");
        assertThat(ServedTls.certificates(node01().execOk("cat " + HostPaths.ETCD_CA_CERT).getBytes()))
                .containsExactly(newEtcdCa, oldEtcdCa);
        // The transition: etcd still ACCEPTS the old-CA client certificate, and the new one.
        assertThat(etcdHealth(HostPaths.ETCD_CA_CERT, OLD + "/client.crt", OLD + "/client.key")).isZero();
        assertThat(etcdHealthAsNode01()).isZero();
        assertThat(ServedTls.signedBy(ServedTls.certificates(node01().execOk("cat " + HostPaths.FLANNEL_ETCD_CLIENT_CERT)
                .getBytes()).get(0), newEtcdCa)).isTrue();
        assertThat(lab.host("master").execOk("systemctl is-active etcd docker-registry").lines().toList())
                .containsExactly("active", "active");
        assertPlanEmpty();
        CliRun check = cli("certs", "check");
        assertThat(check.out()).contains("CA rotation in progress").contains("TRANSITION").contains("etcd/ca.old");
        CliRun again = renew("--ca");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(again.err()).contains("in progress").contains("--finish").contains("nothing was changed");

        CliRun[] phase2 = new CliRun[1];
        Map<Integer, Integer> during2 = polling(() -> renew("--ca", "--finish"), phase2);
        assertThat(phase2[0].exitCode()).as(phase2[0].out() + phase2[0].err()).isZero();
        assertThat(during2).as("curl exit codes while phase 2 rolled out").doesNotContainKeys(51, 60).containsKey(0);

        // After the finish the old-CA client certificate is refused, the new one accepted; etcd healthy.
        assertThat(etcdHealth(HostPaths.ETCD_CA_CERT, OLD + "/client.crt", OLD + "/client.key")).isNotZero();
        assertThat(etcdHealthAsNode01()).isZero();
        assertThat(ServedTls.certificates(node01().execOk("cat " + HostPaths.ETCD_CA_CERT).getBytes())).containsExactly(newEtcdCa);
        assertThat(lab.host("master").execOk("systemctl is-active etcd docker-registry").lines().toList())
                .containsExactly("active", "active");
        assertPlanEmpty();
        CliRun after = cli("certs", "check", "--hosts");
        assertThat(after.exitCode()).as(after.out() + after.err()).isZero();
        assertThat(after.out()).doesNotContain("CA rotation").doesNotContain("ca.old")
                .containsPattern("master\\s+2379\\s+OK").containsPattern("master\\s+5000\\s+OK");
        CliRun finishAgain = renew("--ca", "--finish");
        assertThat(finishAgain.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(finishAgain.err()).contains("no CA rotation is in progress");
    }
}
