package dev.provisioner.component.kube;

import dev.provisioner.artifacts.ArtifactCatalog;
import dev.provisioner.artifacts.ArtifactResolver;
import dev.provisioner.artifacts.DownloadSettings;
import dev.provisioner.artifacts.MissingArtifacts;
import dev.provisioner.artifacts.ResolverSettings;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.PutFile;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Facts in, actions out: the kube steps' decisions without hosts. */
class KubeStepsTest {
    @TempDir
    Path dir;

    static Inventory inventory() {
        return Inventory.builder().clusterName("lab")
                .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE).keyFile(EngineFixtures.KEY))
                .set("cluster.registry.enabled", false)
                .build();
    }

    private KubeArtifacts artifacts(Path artifactsDir, List<ReleaseBinary> binaries) {
        ArtifactResolver r = new ArtifactResolver(ArtifactCatalog.bundled(),
                ResolverSettings.forState(dir.resolve("state"), Optional.of(artifactsDir), DownloadSettings.offline()));
        return new KubeArtifacts(r, binaries);
    }

    @Test
    void aBinaryIsUploadedExecutableWhenAbsentAndLeftAloneWhenItsChecksumMatches() throws Exception {
        Path art = dir.resolve("art");
        Path file = art.resolve("v1.34.0/linux/amd64/kube-scheduler");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\necho scheduler\n");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        Files.writeString(art.resolve("SHA256SUMS"), sha + "  v1.34.0/linux/amd64/kube-scheduler\n");
        ReleaseBinary b = new ReleaseBinary("kube-scheduler", "1.34.0", "kube-scheduler", "/usr/local/bin/kube-scheduler");
        ReleaseBinariesStep step = new ReleaseBinariesStep("bin", artifacts(art, List.of(b)), ctx -> List.of(b));
        Inventory inv = inventory();

        StepOutcome fresh = step.plan(EngineFixtures.context(inv, "master", EngineFixtures.debian("master").build()));
        assertThat(fresh.actions()).hasSize(2);
        // After the binary, the installed-version record that upgrade reads back.
        assertThat(fresh.actions().get(1)).isInstanceOfSatisfying(PutFile.class, p -> {
            assertThat(p.path()).isEqualTo("/var/lib/provisioner/versions/kube-scheduler");
            assertThat(p.file().text()).isEqualTo("1.34.0\n");
        });
        assertThat(fresh.actions().get(0)).isInstanceOfSatisfying(PutFile.class, p -> {
            assertThat(p.file().mode()).isEqualTo(0755);
            assertThat(p.file().owner()).isEqualTo("root");
            assertThat(p.diff()).isEmpty();
            assertThat(p.file().sha256()).isEqualTo(sha);
        });
        DesiredFile installed = ((PutFile) fresh.actions().get(0)).file();
        DesiredFile record = ((PutFile) fresh.actions().get(1)).file();
        StepOutcome converged = step.plan(EngineFixtures.context(inv, "master",
                EngineFixtures.debian("master").file(installed).file(record).build()));
        assertThat(converged.isConverged()).isTrue();
        assertThat(converged.reason()).contains("/usr/local/bin/kube-scheduler", "kube-scheduler 1.34.0");
        assertThat(step.facts(EngineFixtures.context(inv, "master", null)).files())
                .containsOnlyKeys("/usr/local/bin/kube-scheduler", "/var/lib/provisioner/versions/kube-scheduler");
    }

    @Test
    void withoutArtifactsThePlanFailsWithOneMessageNamingTheWholeSet() {
        Inventory inv = inventory();
        KubeArtifacts set = artifacts(dir, InstallSet.binaries(inv));
        ReleaseBinariesStep step = new ReleaseBinariesStep("flannel-binaries", set, ctx -> InstallSet.flanneld(ctx.inventory()));
        StepContext ctx = EngineFixtures.context(inv, "node01", EngineFixtures.debian("node01").build());
        assertThatThrownBy(() -> step.plan(ctx)).isInstanceOfSatisfying(MissingArtifacts.class, e -> {
            assertThat(e.missing()).hasSize(8);
            assertThat(e.getMessage()).contains("kube-apiserver 1.34.0", "kubelet 1.34.0", "flannel 0.27.4", "--artifacts",
                    "v1.34.0/linux/amd64/kube-proxy");
        });
    }

    @Test
    void kernelSettingsAreLoadedUnlessProcSysIsReadOnly() {
        Inventory inv = inventory();
        KernelSettingsStep step = new KernelSettingsStep();
        StepOutcome vm = step.plan(EngineFixtures.context(inv, "node01", EngineFixtures.debian("node01")
                .file("/proc/mounts", "proc /proc proc rw,nosuid 0 0\n", 0444, "root", "root").build()));
        assertThat(vm.actions()).hasSize(2).last().isInstanceOfSatisfying(RunCommand.class,
                c -> assertThat(c.script()).contains("sysctl -p /etc/sysctl.d/90-kubelet.conf"));
        StepOutcome container = step.plan(EngineFixtures.context(inv, "node01", EngineFixtures.debian("node01")
                .file("/proc/mounts", "proc /proc proc rw 0 0\nproc /proc/sys proc ro,nosuid 0 0\n", 0444, "root", "root").build()));
        assertThat(container.actions()).singleElement().isInstanceOf(PutFile.class);
    }

    @Test
    void onlySupportedKubernetesVersionsAreAccepted() {
        assertThat(KubeVersions.requireSupported("1.34.2")).isEqualTo("1.34.2");
        assertThat(KubeVersions.requireSupported("1.31.0")).isEqualTo("1.31.0");
        assertThatThrownBy(() -> KubeVersions.requireSupported("1.30.4")).hasMessageContaining("1.31 to 1.34");
        assertThatThrownBy(() -> KubeVersions.requireSupported("1.35.0")).hasMessageContaining("1.31 to 1.34");
    }

    @Test
    void theEncryptionKeyIsMadeOnceAndReused() throws Exception {
        var key1 = dev.provisioner.inventory.EncryptionKeyRef.defaultKey();
        String first = EncryptionKey.of(dir, key1).base64();
        assertThat(EncryptionKey.of(dir, key1).base64()).isEqualTo(first);
        Path file = dir.resolve("secrets").resolve("encryption-secretbox-key1.key");
        assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
        Files.writeString(file, "short\n");
        assertThatThrownBy(() -> EncryptionKey.of(dir, key1).base64()).hasMessageContaining("restore it from a backup");
        var aescbc = new dev.provisioner.inventory.EncryptionKeyRef(dev.provisioner.inventory.EncryptionKeyRef.Provider.AESCBC, "key1");
        assertThatThrownBy(() -> EncryptionKey.of(dir, aescbc).base64()).hasMessageContaining("never made");
        assertThat(dir.resolve("secrets").resolve(EncryptionKey.FILE)).doesNotExist();
    }
}
