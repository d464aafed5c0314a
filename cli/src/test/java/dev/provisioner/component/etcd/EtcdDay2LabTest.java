package dev.provisioner.component.etcd;

import dev.provisioner.operation.OperationSettings;
import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.api.StepStatus;
import dev.provisioner.cli.Main;
import dev.provisioner.component.hosts.PrepareHostsPhase;
import dev.provisioner.component.pki.PkiPhase;
import dev.provisioner.ops.etcd.EtcdMembership;
import dev.provisioner.ops.etcd.EtcdOperationException;
import dev.provisioner.ops.etcd.EtcdRestore;
import dev.provisioner.ops.etcd.MemberRemoval;
import dev.provisioner.ops.etcd.RestoreResult;
import dev.provisioner.ops.etcd.SnapshotLayout;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.testsupport.LabHost;
import dev.provisioner.testsupport.LabHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * LIVE, etcd day 2 on three lab hosts with Debian's etcd packages (3.4, real apt): one master, then two
 * more masters join one at a time (member add, then start) while the first member keeps running; a key
 * survives a snapshot (taken with the CLI, files 0600 in a 0700 directory with a checksum manifest); a
 * frozen (dead) master is removed through the survivors; its data wiped and the key deleted, a restore
 * brings the key back on a healthy three-member cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EtcdDay2LabTest {
    static final List<String> PHASES = List.of(PrepareHostsPhase.TITLE, PkiPhase.TITLE, EtcdPhase.TITLE);
    private LabHosts lab;
    private LabHost m1;
    private LabHost m2;
    private LabHost m3;
    private Path oneMaster;
    private Path threeMasters;
    private Path backups;
    private Path snapshotDir;
    private String m1Process;

    @BeforeAll
    void start() throws Exception {
        lab = LabHosts.start("m1", "m2", "m3");
        m1 = lab.host("m1");
        m2 = lab.host("m2");
        m3 = lab.host("m3");
        oneMaster = inventory("one.yaml", List.of(m1), "");
        threeMasters = inventory("three.yaml", List.of(m1, m2, m3), "");
        backups = Files.createDirectories(lab.dir().resolve("backups"));
    }

    private Path inventory(String file, List<LabHost> masters, String etcdVersion) throws Exception {
        StringBuilder hosts = new StringBuilder();
        for (LabHost h : masters) {
            hosts.append("  - name: ").append(h.name()).append("\n    address: ").append(h.address())
                    .append("\n    roles: [master").append(h == m1 ? ", node" : "").append("]\n");
        }
        // One state directory for both inventories: the same cluster, growing.
        return Files.writeString(lab.dir().resolve(file), """
                defaults:
                  user: root
                  auth:
                    keyFile: %s
                hosts:
                %scluster:
                  name: grow
                %s  registry:
                    enabled: false
                  install:
                    etcd: packages
                  ssh:
                    knownHosts: %s
                    hostKeyPolicy: strict
                """.formatted(lab.keys().ed25519(), hosts, etcdVersion.isEmpty() ? "" : "  versions:\n    etcd: " + etcdVersion + "\n",
                lab.knownHosts()));
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private Path state() {
        return lab.dir().resolve("state");
    }

    private ProvisionReport apply(Path inventory) {
        long t = System.nanoTime();
        ProvisionReport r = EngineHooks.builder(Inventory.load(inventory)).stateDirectory(state()).onlyPhases(PHASES)
                .build().apply();
        System.out.println("apply " + inventory.getFileName() + ": " + (System.nanoTime() - t) / 1_000_000 + " ms, changed "
                + changed(r));
        return r;
    }

    private static List<String> changed(ProvisionReport r) {
        return r.steps().stream().filter(s -> s.status() == StepStatus.CHANGED).map(s -> s.host() + "/" + s.step()).toList();
    }

    private static String etcdctl(String endpoints, String args) {
        return "ETCDCTL_API=3 etcdctl --endpoints=" + endpoints + " --cacert=/etc/etcd/pki/ca.crt"
                + " --cert=/etc/etcd/pki/root-client.crt --key=/etc/etcd/pki/root-client.key --dial-timeout=3s"
                + " --command-timeout=10s " + args;
    }

    private static String local(LabHost h, String args) {
        return h.execOk(etcdctl("https://" + h.address() + ":2379", args)).strip();
    }

    private static List<String> started(LabHost asked) {
        return local(asked, "member list").lines().filter(l -> l.contains(", started, ")).map(l -> l.split(", ")[2]).sorted().toList();
    }

    private static long healthy(LabHost asked) {
        return asked.exec(etcdctl("https://" + asked.address() + ":2379", "endpoint health --cluster") + " 2>&1").stdout()
                .lines().filter(l -> l.contains(" is healthy")).count();
    }

    private static List<String> initialCluster(LabHost h) {
        String line = h.execOk("grep '^ETCD_INITIAL_CLUSTER=' /etc/etcd/initial-cluster.env").strip();
        return List.of(line.substring("ETCD_INITIAL_CLUSTER=\"".length(), line.length() - 1).split(","));
    }

    private static String process(LabHost h) {
        return h.execOk("systemctl show -p MainPID -p ActiveEnterTimestampMonotonic -p NRestarts etcd").strip();
    }

    private void docker(String verb, LabHost h) {
        var client = org.testcontainers.DockerClientFactory.instance().client();
        if (verb.equals("pause")) {
            client.pauseContainerCmd(h.containerId()).exec();
        } else {
            client.unpauseContainerCmd(h.containerId()).exec();
        }
    }

    @Test
    @Order(1)
    void oneMasterStartsANewCluster() {
        ProvisionReport r = apply(oneMaster);
        assertThat(r.failures()).isEmpty();
        assertThat(started(m1)).containsExactly("m1");
        assertThat(m1.execOk("cat /etc/etcd/initial-cluster.env; stat -c '%a %U' /etc/etcd/initial-cluster.env"))
                .contains("ETCD_INITIAL_CLUSTER=\"m1=https://" + m1.address() + ":2380\"\nETCD_INITIAL_CLUSTER_STATE=new\n")
                .endsWith("600 root\n");
        m1Process = process(m1);
    }

    @Test
    @Order(2)
    void etcdAuthIsOnAfterTheFirstApply() {
        EtcdPermissions.assertLeastPrivilege(m1, "etcdctl", "https://" + m1.address() + ":2379", "/coreos.com/network");
    }

    @Test
    @Order(2)
    void twoMoreMastersJoinOneAtATimeWithoutRestartingTheFirst() {
        ProvisionReport r = apply(threeMasters);
        assertThat(r.failures()).isEmpty();
        assertThat(changed(r)).contains("m2/etcd-join", "m3/etcd-join").noneMatch(s -> s.startsWith("m1/etcd"));
        assertThat(started(m1)).containsExactly("m1", "m2", "m3");
        assertThat(healthy(m3)).isEqualTo(3);
        assertThat(process(m1)).as("m1's etcd was not restarted").isEqualTo(m1Process);
        assertThat(m3.execOk("cat /etc/etcd/initial-cluster.env")).contains("ETCD_INITIAL_CLUSTER_STATE=existing\n");
        assertThat(initialCluster(m3)).containsExactlyInAnyOrder("m1=https://" + m1.address() + ":2380",
                "m2=https://" + m2.address() + ":2380", "m3=https://" + m3.address() + ":2380");
        assertThat(initialCluster(m2)).as("m2 joined when m1 was the only member")
                .containsExactlyInAnyOrder("m1=https://" + m1.address() + ":2380", "m2=https://" + m2.address() + ":2380");
        ProvisionReport again = EngineHooks.builder(Inventory.load(threeMasters)).stateDirectory(state())
                .onlyPhases(PHASES).build().plan();
        assertThat(changed(again)).as("converged").isEmpty();
    }

    @Test
    @Order(3)
    void theCliSavesASnapshotAndThePki() throws Exception {
        local(m2, "put /day2/key before-snapshot");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("etcd", "snapshot", "-i", threeMasters.toString(), "--state", state().toString(), "-o", backups.toString());
        assertThat(code).as(err.toString()).isZero();
        try (Stream<Path> dirs = Files.list(backups)) {
            List<Path> all = dirs.toList();
            assertThat(all).as("no partial directory left").singleElement();
            snapshotDir = all.get(0);
        }
        assertThat(snapshotDir.getFileName().toString()).matches("grow-\\d{8}T\\d{6}Z");
        assertThat(out.toString()).contains("taken on m1").contains(snapshotDir.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(snapshotDir))).isEqualTo("rwx------");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(snapshotDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(p -> snapshotDir.relativize(p).toString())
                .contains(SnapshotLayout.SNAPSHOT, SnapshotLayout.MANIFEST, "pki/etcd/ca.key");
        for (Path f : files) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString()).isEqualTo("rw-------");
        }
        String manifest = Files.readString(snapshotDir.resolve(SnapshotLayout.MANIFEST));
        assertThat(manifest.lines()).hasSize(files.size() - 1);
        for (String line : manifest.lines().toList()) {
            String[] f = line.split("  ", 2);
            byte[] bytes = Files.readAllBytes(snapshotDir.resolve(f[1]));
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))).as(f[1]).isEqualTo(f[0]);
        }
        assertThat(Files.size(snapshotDir.resolve(SnapshotLayout.SNAPSHOT))).isGreaterThan(4096);
        assertThat(m1.execOk("ls /var/tmp")).doesNotContain("provisioner-etcd-snapshot");
        assertThat(m1.execOk("stat -c '%a %U' /var/lib/provisioner/etcd-staging; ls -A /var/lib/provisioner/etcd-staging"))
                .as("staged in a root-only directory, removed after the read").isEqualTo("700 root\n");
    }

    @Test
    @Order(4)
    void aDeadMasterIsRemovedThroughTheSurvivors() {
        Inventory inv = Inventory.load(threeMasters);
        docker("pause", m3);
        try {
            assertThatThrownBy(() -> EtcdMembership.of(OperationSettings.of(inv).start("etcd member remove", true)).remove("m2", false)).isInstanceOf(EtcdOperationException.class)
                    .hasMessageContaining("would lose quorum");
            MemberRemoval r = EtcdMembership.of(OperationSettings.of(inv).start("etcd member remove", true)).remove("m3", false);
            assertThat(r.removed()).isTrue();
            assertThat(r.askedHost()).isEqualTo("m1");
            assertThat(r.remaining()).extracting(m -> m.name()).containsExactlyInAnyOrder("m1", "m2");
            assertThat(started(m1)).containsExactly("m1", "m2");
            assertThat(healthy(m2)).isEqualTo(2);
            MemberRemoval again = EtcdMembership.of(OperationSettings.of(inv).start("etcd member remove", true)).remove("m3", false);
            assertThat(again.removed()).isFalse();
            assertThat(again.message()).contains("already removed");
        } finally {
            docker("unpause", m3);
        }
    }

    @Test
    @Order(5)
    void aRestoreBringsTheDeletedKeyBackOnEveryMember() {
        local(m1, "del /day2/key");
        assertThat(local(m1, "get --print-value-only /day2/key")).isEmpty();
        m3.execOk("systemctl stop etcd; rm -rf /var/lib/etcd");
        RestoreResult r = EtcdRestore.of(OperationSettings.of(Inventory.load(threeMasters)).start("etcd restore", true)).restore(snapshotDir.resolve(SnapshotLayout.SNAPSHOT));
        assertThat(r.members()).containsExactly("m1", "m2", "m3");
        for (LabHost h : List.of(m1, m2, m3)) {
            assertThat(local(h, "get --print-value-only /day2/key")).as(h.name()).isEqualTo("before-snapshot");
        }
        assertThat(started(m2)).containsExactly("m1", "m2", "m3");
        assertThat(healthy(m1)).isEqualTo(3);
        assertThat(m1.execOk("ls -d " + r.asideDir() + "/member && stat -c '%a %U' /var/lib/etcd")).contains("/member\n700 etcd");
        assertThat(m1.execOk("ls /var/tmp")).doesNotContain("provisioner-etcd-restore");
        for (LabHost h : List.of(m1, m2, m3)) {
            assertThat(h.execOk("stat -c '%a %U' /var/lib/provisioner/etcd-staging; ls -A /var/lib/provisioner/etcd-staging"))
                    .as(h.name() + ": the snapshot was staged root-only and removed").isEqualTo("700 root\n");
        }
        assertThat(m1.exec("test -e " + dev.provisioner.component.etcd.EtcdAuth.RECORD).exitCode())
                .as("the restore forgets the auth record: the snapshot may predate auth").isNotZero();
        ProvisionReport again = apply(threeMasters);
        assertThat(again.failures()).isEmpty();
        assertThat(changed(again)).contains("m1/etcd-auth");
        EtcdPermissions.assertLeastPrivilege(m1, "etcdctl", "https://" + m2.address() + ":2379", "/coreos.com/network");
    }

    /** What a user does to offer etcd 3.5 on Debian 12: Debian 13's suite from the same mirror, pinned low so nothing else moves. */
    private static final String TRIXIE = """
            uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null | grep -oE 'https?://[^ ]+/debian' | head -n 1)
            echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri trixie main" > /etc/apt/sources.list.d/trixie.list
            printf 'Package: *\\nPin: release n=trixie\\nPin-Priority: 100\\n' > /etc/apt/preferences.d/trixie-low
            """;

    private static String serverVersion(LabHost h) {
        return h.execOk("dpkg-query -W -f='${Version}' etcd-server").strip();
    }

    @Test
    @Order(6)
    void anUpgradeThatSkipsAMinorVersionIsRefusedBeforeAnyMemberChanges() throws Exception {
        Path skip = inventory("skip.yaml", List.of(m1, m2, m3), "3.6.4");
        ProvisionReport r = apply(skip);
        assertThat(r.failures()).isNotEmpty().allSatisfy(f -> assertThat(f.message())
                .contains("etcd 3.4.23 -> 3.6.4 skips 1 minor version(s)").contains("3.5 release first"));
        assertThat(changed(r)).noneMatch(c -> c.contains("/etcd"));
        for (LabHost h : List.of(m1, m2, m3)) {
            assertThat(serverVersion(h)).startsWith("3.4.23");
        }
    }

    @Test
    @Order(7)
    void etcd34UpgradesTo35OneMemberAtATimeKeepingTheData() throws Exception {
        for (LabHost h : List.of(m1, m2, m3)) {
            h.execOk(TRIXIE);
        }
        Path upgrade = inventory("upgrade.yaml", List.of(m1, m2, m3), "3.5.16");
        ProvisionReport r = apply(upgrade);
        assertThat(r.failures()).isEmpty();
        assertThat(changed(r)).contains("m1/etcd-install", "m2/etcd-install", "m3/etcd-install");
        for (LabHost h : List.of(m1, m2, m3)) {
            assertThat(serverVersion(h)).as(h.name()).startsWith("3.5.16");
            assertThat(h.execOk("etcd --version | head -1").strip()).isEqualTo("etcd Version: 3.5.16");
            assertThat(local(h, "get --print-value-only /day2/key")).as(h.name()).isEqualTo("before-snapshot");
        }
        assertThat(healthy(m1)).isEqualTo(3);
        assertThat(local(m1, "endpoint status --cluster -w simple").lines().filter(l -> l.contains(", 3.5.16, ")).count()).isEqualTo(3);
        assertThat(m1.execOk("apt-cache policy libc6 | grep Installed").strip()).as("only etcd came from trixie").doesNotContain("2.41");
        assertThat(changed(apply(upgrade))).as("converged").noneMatch(c -> c.contains("/etcd"));
        EtcdPermissions.assertLeastPrivilege(m1, "etcdctl", "https://" + m3.address() + ":2379", "/coreos.com/network");
    }
}
