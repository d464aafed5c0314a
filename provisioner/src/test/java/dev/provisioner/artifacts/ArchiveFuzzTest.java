package dev.provisioner.artifacts;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.provisioner.testsupport.FuzzBounds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of release archive extraction through the artifact cache's entry point
 * ({@link ArtifactCache#binaries}), whatever reads the archive underneath (docs/reliability.md): the
 * wanted binaries, each a regular file inside the cache, or an {@link ArtifactException} naming the
 * archive; never a file outside the cache, never another exception.
 */
class ArchiveFuzzTest {
    private static final Map<String, String> WANTED = Map.of("tool", "pkg/bin/tool", "other", "./other");

    @FuzzTest(maxDuration = "3m")
    void anyArchiveGivesTheBinariesOrANamedError(byte[] input) {
        FuzzBounds.within(() -> {
            Path root = Files.createTempDirectory("archive-fuzz");
            try {
                Path archive = Files.write(Files.createTempFile(root, "release-", ".tar.gz"), input);
                Path cache = root.resolve("cache");
                try {
                    Map<String, Path> got = new ArtifactCache(cache).binaries(archive, "0".repeat(64), WANTED);
                    assertThat(got).containsOnlyKeys(WANTED.keySet());
                    got.values().forEach(p -> {
                        assertThat(p.normalize()).startsWith(cache);
                        assertThat(p).isRegularFile();
                    });
                } catch (ArtifactException e) {
                    assertThat(e.getMessage()).contains(archive.getFileName().toString());
                }
                try (var all = Files.walk(root)) {
                    all.forEach(p -> assertThat(p.normalize()).startsWith(root));
                }
            } finally {
                ArtifactCache.deleteTree(root);
            }
        });
    }
}
