package dev.provisioner.artifacts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The air-gapped path with a real binary, the way issue 5 proves the binary install: an etcd release
 * archive for a version the catalogue does not pin (Debian's 3.4.23), made from a real executable of
 * this machine, served from an artifacts directory with its SHA256SUMS.
 */
class ArtifactsDirectoryTest {
    private static final ArtifactRequest ETCD = new ArtifactRequest("etcd", "3.4.23", Arch.AMD64);
    private static final String ARCHIVE = "etcd-v3.4.23-linux-amd64.tar.gz";

    @TempDir
    Path tmp;
    Path dir;
    Path cache;
    String archiveSha;

    @BeforeEach
    void releaseArchiveFromARealBinary() throws Exception {
        dir = Files.createDirectories(tmp.resolve("artifacts"));
        cache = tmp.resolve("state/artifacts");
        Path src = Files.createDirectories(tmp.resolve("src/etcd-v3.4.23-linux-amd64"));
        for (String b : List.of("etcd", "etcdctl", "etcdutl")) {
            Files.copy(Fixtures.realBinary(), src.resolve(b));
        }
        Fixtures.tar(tmp.resolve("src"), "-czf", dir.resolve(ARCHIVE).toString(), "etcd-v3.4.23-linux-amd64");
        archiveSha = Fixtures.sha256(dir.resolve(ARCHIVE));
    }

    private ArtifactResolver resolver() {
        return new ArtifactResolver(ArtifactCatalog.bundled(),
                new ResolverSettings(cache, Optional.of(dir), DownloadSettings.offline()));
    }

    @Test
    void acceptedWithItsChecksumExtractedRunnableAndCachedForTheNextRun() throws Exception {
        Fixtures.listChecksum(dir, archiveSha, ARCHIVE);

        ResolvedArtifact first = resolver().resolve(ETCD);

        assertThat(first.source()).isEqualTo(ChecksumSource.SHA256SUMS);
        assertThat(first.origin()).isEqualTo(Origin.ARTIFACTS_DIR);
        assertThat(first.sha256()).isEqualTo(archiveSha);
        assertThat(first.file()).isEqualTo(cache.resolve(archiveSha).resolve(ARCHIVE));
        assertThat(first.binaries()).containsOnlyKeys("etcd", "etcdctl", "etcdutl");
        Path etcd = first.binary("etcd");
        assertThat(Files.mismatch(etcd, Fixtures.realBinary())).isEqualTo(-1);
        assertThat(Files.isExecutable(etcd)).isTrue();
        assertThat(Fixtures.run(etcd, "/")).isZero();

        ResolvedArtifact second = resolver().resolve(ETCD);
        assertThat(second.origin()).isEqualTo(Origin.CACHE);
        assertThat(second.binary("etcd")).isEqualTo(etcd);
        assertThat(Fixtures.files(cache.resolve("tmp"))).isEmpty();
    }

    @Test
    void aTamperedChecksumIsRefusedWithBothHashesAndNothingIsKept() throws Exception {
        String wrong = "0".repeat(64);
        Fixtures.listChecksum(dir, wrong, ARCHIVE);

        assertThatThrownBy(() -> resolver().resolve(ETCD))
                .isInstanceOf(ChecksumMismatchException.class)
                .hasMessageContaining("expected " + wrong)
                .hasMessageContaining("got " + archiveSha)
                .hasMessageContaining("SHA256SUMS")
                .hasMessageContaining("nothing was installed");
        assertThat(Fixtures.files(cache)).isEmpty();
    }

    @Test
    void aFileCoveredByNoChecksumIsRefused() throws Exception {
        Fixtures.listChecksum(dir, "1".repeat(64), "something-else.tar.gz");

        assertThatThrownBy(() -> resolver().resolve(ETCD))
                .isInstanceOf(ArtifactException.class)
                .isNotInstanceOf(MissingArtifacts.class)
                .hasMessageContaining("not covered by any checksum")
                .hasMessageContaining(ARCHIVE);
        assertThat(Fixtures.files(cache)).isEmpty();
    }

    @Test
    void thePinnedChecksumWinsOverSha256Sums() throws Exception {
        // a file named like the pinned etcd 3.6.5 release but with other bytes, "vouched for" by SHA256SUMS
        String pinnedName = "etcd-v3.6.5-linux-amd64.tar.gz";
        Files.copy(dir.resolve(ARCHIVE), dir.resolve(pinnedName));
        Fixtures.listChecksum(dir, archiveSha, pinnedName);

        assertThatThrownBy(() -> resolver().resolve(new ArtifactRequest("etcd", "3.6.5", Arch.AMD64)))
                .isInstanceOf(ChecksumMismatchException.class)
                .hasMessageContaining("expected 66bad39ed920f6fc15fd74adcb8bfd38ba9a6412f8c7852d09eb11670e88cac3")
                .hasMessageContaining("pinned catalogue");
        assertThat(Fixtures.files(cache)).isEmpty();
    }

    @Test
    void aChangedFileAfterCachingIsVerifiedAgainNotTrustedByName() throws Exception {
        Fixtures.listChecksum(dir, archiveSha, ARCHIVE);
        resolver().resolve(ETCD);
        Path cached = cache.resolve(archiveSha).resolve(ARCHIVE);
        Files.write(cached, new byte[]{1, 2, 3});

        ResolvedArtifact again = resolver().resolve(ETCD);

        assertThat(again.origin()).isEqualTo(Origin.ARTIFACTS_DIR);
        assertThat(Fixtures.sha256(again.file())).isEqualTo(archiveSha);
    }

    @Test
    void missingFilesAreAllListedWithTheirNamesUrlsAndHowToSupplyThem() throws Exception {
        Fixtures.listChecksum(dir, archiveSha, ARCHIVE);
        List<ArtifactRequest> wanted = List.of(ETCD,
                new ArtifactRequest("kube-apiserver", "1.34.0", Arch.AMD64),
                new ArtifactRequest("kubelet", "1.34.0", Arch.AMD64),
                new ArtifactRequest("flannel", "0.28.9", Arch.ARM64));

        assertThatThrownBy(() -> resolver().resolveAll(wanted))
                .isInstanceOfSatisfying(MissingArtifacts.class, e -> {
                    assertThat(e.missing()).extracting(m -> m.request().component())
                            .containsExactly("kube-apiserver", "kubelet", "flannel");
                    assertThat(e.missing().get(1).pinned()).isTrue();
                })
                .hasMessageContaining("3 release files are missing")
                .hasMessageContaining(dir + "/v1.34.0/linux/amd64/kube-apiserver")
                .hasMessageContaining("https://dl.k8s.io/release/v1.34.0/bin/linux/amd64/kube-apiserver")
                .hasMessageContaining("https://dl.k8s.io/release/v1.34.0/bin/linux/amd64/kubelet")
                .hasMessageContaining("v0.28.9/linux/arm64/flanneld-arm64")
                .hasMessageContaining("known versions: 0.27.4")
                .hasMessageContaining("downloads are switched off")
                .hasMessageContaining("--artifacts " + dir)
                .hasMessageContaining("SHA256SUMS");
        // the etcd archive that was present was still verified and cached
        assertThat(cache.resolve(archiveSha).resolve(ARCHIVE)).exists();
    }

    @Test
    void withoutAnArtifactsDirectoryTheMessageSaysDir() {
        ArtifactResolver r = new ArtifactResolver(ArtifactCatalog.bundled(),
                new ResolverSettings(cache, Optional.empty(), DownloadSettings.offline()));
        assertThatThrownBy(() -> r.resolve(new ArtifactRequest("kube-scheduler", "1.34.0", Arch.AMD64)))
                .isInstanceOf(MissingArtifacts.class)
                .hasMessageContaining("DIR/v1.34.0/linux/amd64/kube-scheduler")
                .hasMessageContaining("--artifacts DIR");
    }

    @Test
    void aMissingArtifactsDirectoryIsReported() {
        ArtifactResolver r = new ArtifactResolver(ArtifactCatalog.bundled(),
                new ResolverSettings(cache, Optional.of(tmp.resolve("nope")), DownloadSettings.offline()));
        assertThatThrownBy(() -> r.resolve(ETCD)).isInstanceOf(ArtifactException.class)
                .hasMessageContaining("does not exist");
    }
}
