package dev.provisioner.artifacts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Inputs found by fuzzing: an absolute SHA256SUMS path with NUL bytes was accepted, and a catalogue URL
 * with an illegal character threw IllegalArgumentException instead of the catalogue's error, and an
 * unknown archive kind was refused without naming the catalogue, and a binary without a name threw
 * NullPointerException.
 */
class MalformedChecksumFilesTest {
    private static final String HEX = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    @Test
    void pathsOutsideTheFolderOrWithControlCharactersAreRefusedWithTheirLine() {
        for (String path : new String[]{"/etc/passwd", "\\etc\\passwd", "../x.tar.gz", "a/../../x", "a\u0000b", "a\tb"}) {
            assertThatThrownBy(() -> Sha256Sums.parse(List.of("# sums", HEX + "  " + path), "SHA256SUMS"))
                    .as(path).isInstanceOf(ArtifactException.class)
                    .hasMessageStartingWith("SHA256SUMS line 2: the path must be relative to the folder");
        }
    }

    @Test
    void relativePathsAreKeptAndADuplicateNamesItsLine() {
        assertThat(Sha256Sums.parse(List.of(HEX + "  ./a/b..c.tar.gz", HEX + " *d"), "S").byPath())
                .containsOnlyKeys("a/b..c.tar.gz", "d");
        assertThatThrownBy(() -> Sha256Sums.parse(List.of(HEX + "  a", "0".repeat(64) + "  ./a"), "S"))
                .isInstanceOf(ArtifactException.class).hasMessage("S line 2: lists a twice with different checksums");
    }

    @Test
    void aCatalogueUrlThatIsNoUrlIsTheCataloguesError() {
        String yaml = "components:\n  tool:\n    url: \"https://example.org/v{versio n}/tool\"\n"
                + "    file: \"tool\"\n    kind: raw\n    binary: tool\n";
        assertThatThrownBy(() -> ArtifactCatalog.parse(yaml, "t.yaml")).isInstanceOf(ArtifactException.class)
                .hasMessageStartingWith("artifact catalogue t.yaml: tool.url is not a valid URL (Illegal character in path at index");
    }

    @Test
    void anUnknownArchiveKindNamesTheCatalogueAndComponent() {
        String yaml = "components:\n  tool:\n    url: \"https://example.org/v{version}/tool\"\n"
                + "    file: \"tool\"\n    kind: tap.gz\n    binary: tool\n";
        assertThatThrownBy(() -> ArtifactCatalog.parse(yaml, "t.yaml")).isInstanceOf(ArtifactException.class)
                .hasMessage("artifact catalogue t.yaml: tool.kind: unknown archive kind 'tap.gz' (raw or tar.gz)");
    }

    @Test
    void aBinaryWithoutANameIsTheCataloguesError() {
        String yaml = "components:\n  tool:\n    url: \"https://example.org/v{version}/tool.tgz\"\n"
                + "    file: \"tool.tgz\"\n    kind: tar.gz\n    binaries: {~: bin/tool}\n";
        assertThatThrownBy(() -> ArtifactCatalog.parse(yaml, "t.yaml")).isInstanceOf(ArtifactException.class)
                .hasMessage("artifact catalogue t.yaml: tool.binaries: an entry has no binary name");
    }
}
