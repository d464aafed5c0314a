package dev.provisioner.ops.etcd;

import dev.provisioner.component.etcd.EtcdInstall;
import dev.provisioner.component.etcd.EtcdMembers;
import dev.provisioner.facts.OsFamily;
import dev.provisioner.inventory.InstallSource;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Backup naming and manifest, the snapshot check before a restore, and the restore command lines. */
class BackupFilesTest {
    @TempDir
    Path tmp;

    static Inventory trio() {
        return Inventory.builder().clusterName("trio")
                .host("m1", h -> h.address("10.0.0.1").roles(Role.MASTER, Role.NODE).keyFile(EngineFixtures.KEY))
                .host("m2", h -> h.address("10.0.0.2").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .host("m3", h -> h.address("10.0.0.3").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .set("cluster.registry.enabled", false).set("cluster.install.etcd", "packages").build();
    }

    @Test
    void backupDirectoryIsClusterAndUtcTimestamp() {
        assertThat(SnapshotLayout.directoryName("trio", Instant.parse("2026-11-26T02:15:09.123Z"))).isEqualTo("trio-20261126T021509Z");
    }

    @Test
    void manifestIsSha256sumFormatSortedAndRoundTrips() {
        String a = "a".repeat(64);
        String b = "b".repeat(64);
        String text = SnapshotLayout.manifest(Map.of("pki/ca.key", a, "etcd-snapshot.db", b));
        assertThat(text).isEqualTo(b + "  etcd-snapshot.db\n" + a + "  pki/ca.key\n");
        assertThat(SnapshotLayout.parseManifest(text)).containsExactly(Map.entry("etcd-snapshot.db", b), Map.entry("pki/ca.key", a));
        assertThatThrownBy(() -> SnapshotLayout.manifest(Map.of("../x", a))).hasMessageContaining("not a relative backup path");
        assertThatThrownBy(() -> SnapshotLayout.parseManifest(text + "garbage\n")).hasMessageContaining("SHA256SUMS line 3");
    }

    @Test
    void aSnapshotThatDoesNotMatchItsManifestIsRefusedBeforeAnyHost() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("trio-20261126T021509Z"));
        Path snap = Files.writeString(dir.resolve(SnapshotLayout.SNAPSHOT), "snapshot bytes");
        Files.writeString(dir.resolve(SnapshotLayout.MANIFEST), SnapshotLayout.manifest(Map.of(SnapshotLayout.SNAPSHOT, LocalFiles.sha256(snap))));
        EtcdRestore.verify(snap);
        Files.writeString(snap, "snapshot bytes, changed");
        assertThatThrownBy(() -> EtcdRestore.verify(snap)).isInstanceOf(EtcdOperationException.class)
                .hasMessageContaining("does not match").hasMessageContaining("nothing was changed");
        assertThatThrownBy(() -> EtcdRestore.verify(tmp.resolve("missing.db"))).hasMessageContaining("no snapshot file");
        Path loose = Files.writeString(tmp.resolve("loose.db"), "no manifest next to it");
        EtcdRestore.verify(loose);
    }

    @Test
    void restoreBuildsEachMembersDataDirectoryFromTheSnapshotAndKeepsTheOldOne() throws Exception {
        Inventory inv = trio();
        EtcdMembers members = EtcdMembers.of(inv);
        String s = RestoreScript.forMember(EtcdInstall.of(inv, OsFamily.DEBIAN), members, inv.hosts().get(1),
                "/var/tmp/x.db", "/var/lib/etcd.before-restore-20261126T021509Z");
        String flags = " snapshot restore \"$snap\" --name m2 --initial-cluster m1=https://10.0.0.1:2380,m2=https://10.0.0.2:2380,m3=https://10.0.0.3:2380"
                + " --initial-cluster-token trio --initial-advertise-peer-urls https://10.0.0.2:2380 --data-dir \"$data\" >&2\n";
        assertThat(s).contains("if [ -x /usr/bin/etcdutl ]; then\n  /usr/bin/etcdutl" + flags)
                .contains("else\n  ETCDCTL_API=3 /usr/bin/etcdctl" + flags)
                .contains("aside=/var/lib/etcd.before-restore-20261126T021509Z\n")
                .contains("if [ -e \"$data\" ]; then mv -- \"$data\" \"$aside\"; fi\n")
                .contains("chown -R etcd:etcd \"$data\"\nchmod 0700 \"$data\"\n")
                .contains("write_env new m1=https://10.0.0.1:2380,m2=https://10.0.0.2:2380,m3=https://10.0.0.3:2380\n")
                .endsWith("rm -f -- /var/lib/provisioner/etcd/auth\n")
                .doesNotContain("rm -rf");
        assertThat(s.indexOf("mv -- \"$data\"")).isLessThan(s.indexOf("snapshot restore"));
        assertThat(ShellSyntax.errors(s)).as("sh -n").isEmpty();
        EtcdInstall binaries = new EtcdInstall(InstallSource.BINARIES, OsFamily.DEBIAN);
        assertThat(RestoreScript.forMember(binaries, members, inv.hosts().get(0), "/var/tmp/x.db", "/a"))
                .contains("/usr/local/bin/etcdutl snapshot restore \"$snap\" --name m1 ");
    }

    @Test
    void snapshotsAreStagedInARootOnlyDirectoryAndASymlinkInItsPlaceIsRefused(@TempDir Path dir) throws Exception {
        // The real script, with the directory moved under a temp dir so it can run here (as root, like on a host).
        Path staging = dir.resolve("etcd-staging");
        String script = RootStaging.ensure().replace(RootStaging.DIR, staging.toString()).replace("mkdir -p /var/lib/provisioner\n", "");
        assertThat(RootStaging.ensure()).contains("install -d -m 0700 -o root -g root " + RootStaging.DIR + "\n");
        assertThat(RootStaging.file("restore-x.db")).isEqualTo("/var/lib/provisioner/etcd-staging/restore-x.db");
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "install -o root needs root");
        assertThat(sh(script)).isZero();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(staging))).isEqualTo("rwx------");
        Files.setPosixFilePermissions(staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(sh(script)).as("an existing directory is made private again").isZero();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(staging))).isEqualTo("rwx------");
        Files.delete(staging);
        Path elsewhere = Files.createDirectory(dir.resolve("attacker"));
        Files.createSymbolicLink(staging, elsewhere);
        assertThat(sh(script)).as("a symlink in its place is refused").isNotZero();
    }

    private static int sh(String script) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }
}
