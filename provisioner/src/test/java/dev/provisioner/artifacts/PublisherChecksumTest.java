package dev.provisioner.artifacts;

import dev.provisioner.testsupport.TestHttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Unpinned release files verified against the checksum file their publisher releases next to them, served by
 * a real HTTPS server with a test CA in the publishers' real formats: dl.k8s.io's bare-hex {@code <file>.sha256}
 * and etcd's release-wide {@code SHA256SUMS} (sha256sum lines). The served binary is a real executable.
 */
class PublisherChecksumTest {
    private static final String TOOL = "/release/v1.0.0/bin/linux/amd64/tool";
    private static final String SUMS = "/etcd/v2.0.0/SHA256SUMS";
    private static final String ARCHIVE = "/etcd/v2.0.0/etcd-v2.0.0-linux-amd64.tar.gz";

    @TempDir
    Path tmp;
    TestHttpsServer server;
    Path state;
    byte[] tool;
    String toolSha;
    String archiveSha;

    @BeforeEach
    void serve() throws Exception {
        server = new TestHttpsServer();
        tool = Files.readAllBytes(Fixtures.realBinary());
        toolSha = Fixtures.sha256(Fixtures.realBinary());
        server.serve(TOOL, tool);
        server.serve(TOOL + ".sha256", (toolSha + "\n").getBytes(StandardCharsets.US_ASCII));

        Path src = Files.createDirectories(tmp.resolve("src/etcd-v2.0.0-linux-amd64"));
        Files.copy(Fixtures.realBinary(), src.resolve("etcd"));
        Fixtures.tar(tmp.resolve("src"), "-czf", tmp.resolve("a.tgz").toString(), "etcd-v2.0.0-linux-amd64");
        archiveSha = Fixtures.sha256(tmp.resolve("a.tgz"));
        server.serve(ARCHIVE, Files.readAllBytes(tmp.resolve("a.tgz")));
        server.serve(SUMS, ("0".repeat(64) + "  etcd-v2.0.0-linux-arm64.tar.gz\n" + archiveSha
                + "  etcd-v2.0.0-linux-amd64.tar.gz\n" + "1".repeat(64) + "  etcd-v2.0.0-windows-amd64.zip\n")
                .getBytes(StandardCharsets.US_ASCII));
        state = tmp.resolve("state");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private ArtifactCatalog catalog() {
        String b = server.base();
        return ArtifactCatalog.parse("sources: {}\ncomponents:\n"
                + "  tool:\n    url: \"" + b + "/release/v{version}/bin/linux/{arch}/tool\"\n"
                + "    checksums: \"" + b + "/release/v{version}/bin/linux/{arch}/tool.sha256\"\n"
                + "    file: \"v{version}/linux/{arch}/tool\"\n    kind: raw\n    binary: tool\n    pins: []\n"
                + "  etcd:\n    url: \"" + b + "/etcd/v{version}/etcd-v{version}-linux-{arch}.tar.gz\"\n"
                + "    checksums: \"" + b + "/etcd/v{version}/SHA256SUMS\"\n"
                + "    file: \"etcd-v{version}-linux-{arch}.tar.gz\"\n    kind: tar.gz\n"
                + "    binaries: {etcd: \"etcd-v{version}-linux-{arch}/etcd\"}\n    pins: []\n", "test");
    }

    private ArtifactResolver resolver(boolean requirePinned) {
        DownloadSettings download = DownloadSettings.defaults().withTls(server.clientTls());
        return new ArtifactResolver(catalog(), ResolverSettings.forState(state, Optional.empty(), download)
                .withRequirePinned(requirePinned));
    }

    private ResolvedArtifact resolveTool() {
        return resolver(false).resolve(new ArtifactRequest("tool", "1.0.0", Arch.AMD64));
    }

    private String lock() throws Exception {
        Path lock = state.resolve(LockFile.FILE_NAME);
        return Files.exists(lock) ? Files.readString(lock) : "";
    }

    private void assertNothingInstalled() throws Exception {
        assertThat(Fixtures.files(state.resolve("artifacts")).stream()
                .filter(p -> !p.toString().contains("/tmp/"))).as("nothing kept in the cache").isEmpty();
        assertThat(lock()).doesNotContain("tool  1.0.0");
    }

    @Test
    void aFileVerifiedAgainstThePublishersChecksumInstallsAndLandsInTheLockFile() throws Exception {
        ResolvedArtifact a = resolveTool();
        ResolvedArtifact e = resolver(false).resolve(new ArtifactRequest("etcd", "2.0.0", Arch.AMD64));

        assertThat(a.source()).isEqualTo(ChecksumSource.PUBLISHER);
        assertThat(Files.readAllBytes(a.binary("tool"))).isEqualTo(tool);
        assertThat(Fixtures.run(e.binary("etcd"), "/")).isZero();
        assertThat(lock()).contains("tool  1.0.0  amd64  " + server.base() + TOOL + "  " + toolSha + "  publisher:"
                        + server.base() + TOOL + ".sha256")
                .contains("etcd  2.0.0  amd64  " + server.base() + ARCHIVE + "  " + archiveSha + "  publisher:"
                        + server.base() + SUMS);

        // a later run verifies against the lock file and does not fetch the checksum file again
        ResolvedArtifact again = resolveTool();
        assertThat(again.source()).isEqualTo(ChecksumSource.LOCK_FILE);
        assertThat(server.hits(TOOL + ".sha256")).isEqualTo(1);
        assertThat(new LockFile(state.resolve(LockFile.FILE_NAME)).entries()).hasSize(2);
    }

    @Test
    void aWrongPublishedChecksumIsRefused() throws Exception {
        server.serve(TOOL + ".sha256", ("2".repeat(64) + "  tool\n").getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(this::resolveTool).isInstanceOf(ChecksumMismatchException.class)
                .hasMessageContaining("v1.0.0/linux/amd64/tool").hasMessageContaining(server.base() + TOOL)
                .hasMessageContaining("the publisher's checksum file");
        assertNothingInstalled();
    }

    @Test
    void aMissingChecksumFileIsRefused() throws Exception {
        server.remove(TOOL + ".sha256");
        assertThatThrownBy(this::resolveTool).isInstanceOf(MissingArtifacts.class)
                .hasMessageContaining("v1.0.0/linux/amd64/tool").hasMessageContaining(server.base() + TOOL)
                .hasMessageContaining("HTTP 404");
        assertThat(server.hits(TOOL)).as("the file itself is not fetched").isZero();
        assertNothingInstalled();
    }

    @Test
    void aChecksumFileThatDoesNotListTheFileIsRefused() throws Exception {
        server.serve(TOOL + ".sha256", (toolSha + "  other-tool\n").getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(this::resolveTool).isInstanceOf(MissingArtifacts.class)
                .hasMessageContaining(server.base() + TOOL).hasMessageContaining("lists no SHA-256 for tool");
        assertNothingInstalled();
    }

    @Test
    void aRedirectFromHttpsToHttpIsRefused() throws Exception {
        server.redirect(TOOL, "http://127.0.0.1:9/tool");
        assertThatThrownBy(this::resolveTool).isInstanceOf(ArtifactException.class)
                .hasMessageContaining("v1.0.0/linux/amd64/tool").hasMessageContaining(server.base() + TOOL)
                .hasMessageContaining("redirects from https to http");
        assertNothingInstalled();
    }

    @Test
    void aFileChangedUpstreamAfterTheFirstRunIsRefusedByTheLockFile() throws Exception {
        resolveTool();
        ArtifactCache.deleteTree(state.resolve("artifacts"));
        byte[] other = "#!/bin/sh\nexit 0\n".getBytes(StandardCharsets.US_ASCII);
        server.serve(TOOL, other);
        String otherSha = Fixtures.sha256(Files.write(tmp.resolve("other"), other));
        server.serve(TOOL + ".sha256", (otherSha + "\n").getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(this::resolveTool).isInstanceOf(ChecksumMismatchException.class)
                .hasMessageContaining("v1.0.0/linux/amd64/tool").hasMessageContaining(server.base() + TOOL)
                .hasMessageContaining("expected " + toolSha + " (from the lock file)");
        assertThat(Fixtures.files(state.resolve("artifacts")).stream()
                .filter(p -> !p.toString().contains("/tmp/"))).isEmpty();
    }

    @Test
    void requirePinnedRefusesWhatNeitherTheCatalogueNorTheLockFilePins() throws Exception {
        assertThatThrownBy(() -> resolver(true).resolve(new ArtifactRequest("tool", "1.0.0", Arch.AMD64)))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("v1.0.0/linux/amd64/tool").hasMessageContaining(server.base() + TOOL)
                .hasMessageContaining("--require-pinned");
        assertThat(server.totalHits()).isZero();
        assertNothingInstalled();

        resolveTool(); // a connected run without the option writes the lock file ...
        ArtifactCache.deleteTree(state.resolve("artifacts"));
        ResolvedArtifact pinnedByLock = resolver(true).resolve(new ArtifactRequest("tool", "1.0.0", Arch.AMD64));
        assertThat(pinnedByLock.source()).isEqualTo(ChecksumSource.LOCK_FILE); // ... which then pins it
    }
}
