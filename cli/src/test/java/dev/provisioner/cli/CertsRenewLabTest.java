package dev.provisioner.cli;

import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.component.etcd.EtcdPhase;
import dev.provisioner.component.hosts.PrepareHostsPhase;
import dev.provisioner.component.pki.PkiPhase;
import dev.provisioner.component.prereq.PrerequisitesPhase;
import dev.provisioner.component.registry.RegistryPhase;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.pki.ClusterPki;
import dev.provisioner.testsupport.LabHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LIVE: {@code certs check --hosts} and {@code certs renew} through the CLI on two lab hosts: a master running
 * etcd (OS packages) and the registry with TLS from the cluster CA, and node01, from which the served
 * certificates are read over TLS. After the renew both serve new certificates, signed by the same CA,
 * both services run, and the served certificates are the state directory's again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertsRenewLabTest {
    static final String ONLY = String.join(",", PrepareHostsPhase.TITLE, PrerequisitesPhase.TITLE, PkiPhase.TITLE,
            RegistryPhase.TITLE, EtcdPhase.TITLE);
    private LabHosts lab;
    private Path inventory;
    private Path state;

    @BeforeAll
    void start() throws Exception {
        lab = LabHosts.start("master", "node01");
        inventory = LabInventory.write(lab, "renew", true, new String[] {"etcd: packages"}, "master", "[master, registry]",
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

    /** The certificate master serves on {@code port}, read over TLS from node01. */
    private X509Certificate servedFromNode01(int port) throws Exception {
        return ServedTls.served(lab.host("node01"), lab.host("master"), port);
    }

    private List<X509Certificate> stateCertificates() throws Exception {
        List<X509Certificate> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ClusterPki.pkiDirectory(state))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (Files.readString(f, StandardCharsets.ISO_8859_1).contains("BEGIN CERTIFICATE")) {
                    out.addAll(ServedTls.certificates(f));
                }
            }
        }
        return out;
    }

    private boolean signedByAStateCa(X509Certificate leaf) throws Exception {
        return stateCertificates().stream().anyMatch(ca -> ServedTls.signedBy(leaf, ca));
    }

    private CliRun check() {
        return CliRun.of("certs", "check", "-i", inventory.toString(), "--state", state.toString(), "--hosts");
    }

    @Test
    void renewChangesWhatEtcdAndTheRegistryServeAndBothRunAfterwards() throws Exception {
        CliRun before = check();
        assertThat(before.exitCode()).as(before.out() + before.err()).isZero();
        assertThat(before.out()).containsPattern("master\\s+2379\\s+OK").containsPattern("master\\s+2380\\s+OK")
                .containsPattern("master\\s+5000\\s+OK").containsPattern("node01\\s+2379\\s+-");
        X509Certificate etcd = servedFromNode01(2379);
        X509Certificate registry = servedFromNode01(5000);
        String etcdPid = lab.host("master").execOk("systemctl show -p MainPID --value etcd").strip();

        CliRun renew = CliRun.of("certs", "renew", "-i", inventory.toString(), "--state", state.toString(), "--only", ONLY);
        assertThat(renew.exitCode()).as(renew.out() + renew.err()).isZero();

        X509Certificate etcdAfter = servedFromNode01(2379);
        X509Certificate registryAfter = servedFromNode01(5000);
        assertThat(etcdAfter.getSerialNumber()).isNotEqualTo(etcd.getSerialNumber());
        assertThat(registryAfter.getSerialNumber()).isNotEqualTo(registry.getSerialNumber());
        assertThat(etcdAfter.getNotAfter()).isAfter(etcd.getNotAfter());
        assertThat(signedByAStateCa(etcdAfter)).isTrue();
        assertThat(signedByAStateCa(registryAfter)).isTrue();
        assertThat(lab.host("master").execOk("systemctl is-active etcd docker-registry").lines().toList())
                .containsExactly("active", "active");
        assertThat(lab.host("master").execOk("systemctl show -p MainPID --value etcd").strip()).as("etcd restarted")
                .isNotEqualTo(etcdPid);

        CliRun after = check();
        assertThat(after.exitCode()).as(after.out() + after.err()).isZero();
        assertThat(after.out()).containsPattern("master\\s+2379\\s+OK").containsPattern("master\\s+5000\\s+OK");

        // A served certificate that is not the state directory's is reported: renew the state only.
        ClusterPki.with(dev.provisioner.pki.PkiOptions.defaults().withRenewBefore(dev.provisioner.pki.PkiOptions.DEFAULT_LEAF_VALIDITY.minusMillis(1)))
                .ensure(Inventory.load(inventory), state);
        CliRun stale = check();
        assertThat(stale.exitCode()).isEqualTo(ExitCodes.STEP_FAILED);
        assertThat(stale.out()).containsPattern("master\\s+2379\\s+STALE").containsPattern("master\\s+5000\\s+STALE");
    }
}
