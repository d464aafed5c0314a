package dev.provisioner.cli;

import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.Provisioner;
import dev.provisioner.component.etcd.EtcdBackupFiles;
import dev.provisioner.component.etcd.EtcdPhase;
import dev.provisioner.component.hosts.PrepareHostsPhase;
import dev.provisioner.component.pki.PkiPhase;
import dev.provisioner.component.prereq.PrerequisitesPhase;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.testsupport.LabHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LIVE: scheduled etcd backups on a lab host with real etcd (Debian etcd-server, TLS, etcd auth on) and
 * real systemd. {@code cluster.etcd.backup} installs the timer through apply (a second plan is empty);
 * starting its service by hand (no waiting for the calendar) writes verified snapshots into a 0700
 * directory, files 0600, and retention keeps the newest two; {@code etcd snapshot --fetch} brings the
 * newest back, 0600, checksum verified, and that file restores into an etcd that holds the test's key.
 * It also shows why the timer uses a root-role identity: etcd refuses a snapshot to any other user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EtcdBackupLabTest {
    private static final List<String> ONLY = List.of(PrepareHostsPhase.TITLE, PrerequisitesPhase.TITLE, PkiPhase.TITLE, EtcdPhase.TITLE);
    private static final String DIR = "/var/backups/etcd-lab";
    private static final String ETCDCTL = "ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/etcd/pki/ca.crt ";
    private static final String AS_ROOT = ETCDCTL + "--cert=/etc/etcd/pki/root-client.crt --key=/etc/etcd/pki/root-client.key ";
    private LabHosts lab;
    private Path inventory;
    private Path state;

    @BeforeAll
    void start() throws Exception {
        lab = LabHosts.start("master");
        inventory = LabInventory.write(lab, "bak", new String[] {"etcd: packages"}, "master", "[master, node]");
        Files.writeString(inventory, "  etcd:\n    backup:\n      schedule: \"*-*-* 03:00:00\"\n      keep: 2\n      dir: " + DIR + "\n",
                StandardOpenOption.APPEND);
        state = lab.dir().resolve("state");
        assertThat(provisioner().apply().failures()).isEmpty();
    }

    private Provisioner provisioner() {
        return EngineHooks.builder(Inventory.load(inventory)).stateDirectory(state).onlyPhases(ONLY).build();
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private List<String> snapshotsOnMaster() {
        return lab.host("master").execOk("ls -1 " + DIR).lines().toList();
    }

    @Test
    void theTimerTakesVerifiedSnapshotsKeepsTheNewestAndFetchBringsOneBackThatRestores() throws Exception {
        var master = lab.host("master");
        ProvisionReport second = provisioner().plan();
        assertThat(second.changed()).as("plan after apply is empty: %s", second.steps()).isFalse();
        assertThat(master.execOk("systemctl is-enabled " + EtcdBackupFiles.TIMER + "; systemctl is-active " + EtcdBackupFiles.TIMER)
                .lines().toList()).containsExactly("enabled", "active");
        assertThat(master.execOk("systemctl show -p TimersCalendar --value " + EtcdBackupFiles.TIMER)).contains("03:00:00");

        master.execOk(AS_ROOT + "put /registry/backup-test before-the-snapshot");
        // etcd authorizes Maintenance.Snapshot only for its root role: the health-check identity is refused.
        LabHostExec refused = new LabHostExec(master.exec(ETCDCTL + "--cert=/etc/etcd/pki/healthcheck-client.crt"
                + " --key=/etc/etcd/pki/healthcheck-client.key snapshot save /root/not-allowed.db"));
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.all()).containsIgnoringCase("permission denied");

        for (int i = 0; i < 3; i++) {
            var run = master.exec("systemctl start " + EtcdBackupFiles.SERVICE + " && sleep 1.1");
            assertThat(run.exitCode()).as("run %d: %s", i, master.exec("journalctl -u " + EtcdBackupFiles.SERVICE
                    + " --no-pager -o cat; ls -la /etc/etcd /etc/etcd/pki").stdout()).isZero();
        }
        assertThat(master.execOk("systemctl show -p Result --value " + EtcdBackupFiles.SERVICE).strip()).isEqualTo("success");
        List<String> files = snapshotsOnMaster();
        assertThat(files).as("retention keeps the newest 2, each with its checksum").hasSize(4)
                .allMatch(f -> f.matches("bak-etcd-[0-9]{8}T[0-9]{6}Z\\.db(\\.sha256)?"));
        assertThat(master.execOk("stat -c '%a %U:%G' " + DIR).strip()).isEqualTo("700 root:root");
        assertThat(master.execOk("stat -c '%a %U' " + DIR + "/*").lines().distinct().toList()).containsExactly("600 root");
        String newest = files.stream().filter(f -> f.endsWith(".db")).sorted().reduce((a, b) -> b).orElseThrow();
        assertThat(master.execOk("cd " + DIR + " && sha256sum -c " + newest + ".sha256")).contains(newest + ": OK");
        String journal = master.execOk("journalctl -u " + EtcdBackupFiles.SERVICE + " --no-pager -o cat");
        assertThat(journal).contains("removed " + DIR + "/").contains("etcd snapshot " + DIR + "/" + newest);

        Path out = Files.createDirectories(lab.dir().resolve("fetched"));
        CliRun fetch = CliRun.of("etcd", "snapshot", "--fetch", "-i", inventory.toString(), "--state", state.toString(), "-o", out.toString());
        assertThat(fetch.exitCode()).as(fetch.out() + fetch.err()).isZero();
        Path fetched = out.resolve(newest);
        assertThat(fetch.out()).contains(newest).contains("verified");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fetched))).isEqualTo("rw-------");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(fetched)));
        assertThat(master.execOk("cat " + DIR + "/" + newest + ".sha256")).startsWith(sha + "  ");
        assertThat(master.execOk("ls -A /var/lib/provisioner/etcd-staging")).as("the staging copy is gone").isBlank();

        CliRun again = CliRun.of("etcd", "snapshot", "--fetch", "-i", inventory.toString(), "--state", state.toString(), "-o", fetched.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(again.err()).contains("already exists");

        // The fetched file restores: into a scratch etcd on other ports, which holds the key.
        master.put("/root/fetched.b64", Base64.getMimeEncoder(76, new byte[] {(byte) 10}).encodeToString(Files.readAllBytes(fetched)));
        master.execOk("base64 -d /root/fetched.b64 > /root/fetched.db && rm -rf /root/restored"
                + " && ETCDCTL_API=3 etcdctl snapshot restore /root/fetched.db --name scratch --initial-cluster scratch=http://127.0.0.1:23800 --initial-advertise-peer-urls http://127.0.0.1:23800 --data-dir /root/restored >/dev/null 2>&1");
        // The snapshot carries etcd's auth state (certificate-CN users without passwords), so the scratch
        // member serves TLS with client-certificate auth like the real one, from the same certificates.
        String tls = " --cert-file=/etc/etcd/pki/server.crt --key-file=/etc/etcd/pki/server.key --client-cert-auth"
                + " --trusted-ca-file=/etc/etcd/pki/ca.crt";
        String scratch = ETCDCTL.replace("127.0.0.1:2379", "127.0.0.1:23790") + "--cert=/etc/etcd/pki/root-client.crt"
                + " --key=/etc/etcd/pki/root-client.key ";
        String value = master.execOk("(etcd --name scratch --data-dir /root/restored --listen-client-urls https://127.0.0.1:23790"
                + " --advertise-client-urls https://127.0.0.1:23790 --listen-peer-urls http://127.0.0.1:23800"
                + " --initial-advertise-peer-urls http://127.0.0.1:23800 --initial-cluster scratch=http://127.0.0.1:23800" + tls
                + " >/root/scratch-etcd.log 2>&1 & echo $! > /root/scratch-etcd.pid)"
                + " && for i in $(seq 1 50); do " + scratch + "endpoint health >/dev/null 2>&1 && break; sleep 0.2; done;"
                + " " + scratch + "get --print-value-only /registry/backup-test 2>&1; kill $(cat /root/scratch-etcd.pid)");
        assertThat(value).contains("before-the-snapshot");
    }

    /** An exec's exit code and both streams. */
    private record LabHostExec(int exitCode, String all) {
        LabHostExec(dev.provisioner.testsupport.LabHost.Exec e) {
            this(e.exitCode(), e.stdout() + e.stderr());
        }
    }
}
