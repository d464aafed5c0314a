package dev.provisioner.artifacts;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Archives made at test time by the system's tar, in each header format it writes. */
class ArchiveExtractorTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"gnu", "posix", "ustar"})
    void extractsTheWantedRegularFilesOnly(String format) throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        String deep = "d".repeat(60) + "/" + "e".repeat(60); // > 100 chars: GNU long name, PAX path, ustar prefix
        Files.createDirectories(src.resolve("pkg/bin")).resolve("tool");
        Files.copy(Fixtures.realBinary(), src.resolve("pkg/bin/tool"));
        Files.createDirectories(src.resolve("pkg/" + deep));
        Files.writeString(src.resolve("pkg/" + deep + "/long-named-file"), "long");
        Files.writeString(src.resolve("pkg/README"), "not wanted");
        Files.createSymbolicLink(src.resolve("pkg/link"), Path.of("bin/tool"));
        Fixtures.tar(src, "--format=" + format, "-czf", tmp.resolve("a.tar.gz").toString(), "./pkg");

        Path out = Files.createDirectories(tmp.resolve("out"));
        Map<String, Path> got = ArchiveExtractor.extract(tmp.resolve("a.tar.gz"), Map.of(
                "pkg/bin/tool", "tool",
                "./pkg/" + deep + "/long-named-file", "long",
                "pkg/link", "link"), out);

        assertThat(got).containsOnlyKeys("tool", "long");
        assertThat(Files.mismatch(got.get("tool"), Fixtures.realBinary())).isEqualTo(-1);
        assertThat(Files.readString(got.get("long"))).isEqualTo("long");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("tool", "long");
        }
    }

    @Test
    void aFileThatIsNotGzipIsRefused() throws IOException {
        Path bad = Files.write(tmp.resolve("bad.tar.gz"), "<html>not found</html>".getBytes());
        assertThatThrownBy(() -> ArchiveExtractor.extract(bad, Map.of("x", "x"), tmp))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aTruncatedArchiveIsRefused() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.copy(Fixtures.realBinary(), src.resolve("tool"));
        Fixtures.tar(src, "-cf", tmp.resolve("a.tar").toString(), "tool");
        byte[] all = Files.readAllBytes(tmp.resolve("a.tar"));
        Path cut = tmp.resolve("cut.tar.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(cut))) {
            o.write(all, 0, 512 + 100);
        }
        Path out = Files.createDirectories(tmp.resolve("out"));
        assertThatThrownBy(() -> ArchiveExtractor.extract(cut, Map.of("tool", "tool"), out))
                .isInstanceOf(IOException.class);
    }
}
