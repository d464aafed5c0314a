package dev.provisioner.artifacts;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.provisioner.testsupport.FuzzBounds;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the SHA256SUMS parser and the artifact catalogue parser
 * (docs/reliability.md): a parsed result or an {@link ArtifactException} that names the file (and, for
 * SHA256SUMS, the line), nothing else.
 */
class ChecksumFilesFuzzTest {
    @FuzzTest(maxDuration = "3m")
    void anySha256SumsIsEntriesOrALocatedError(byte[] input) {
        FuzzBounds.within(() -> {
            String text = new String(input, StandardCharsets.UTF_8);
            try {
                Sha256Sums sums = Sha256Sums.parse(Arrays.asList(text.split("\n", -1)), "SHA256SUMS");
                sums.byPath().forEach((path, hex) -> {
                    assertThat(hex).matches("[0-9a-f]{64}");
                    assertThat(path).isNotEmpty().doesNotStartWith("/");
                });
            } catch (ArtifactException e) {
                assertThat(e.getMessage()).startsWith("SHA256SUMS line ");
            }
        });
    }

    @FuzzTest(maxDuration = "3m")
    void anyCatalogueIsACatalogueOrANamedError(byte[] input) {
        FuzzBounds.within(() -> {
            String yaml = new String(input, StandardCharsets.UTF_8);
            try {
                ArtifactCatalog catalog = ArtifactCatalog.parse(yaml, "fuzz.yaml");
                assertThat(catalog.pins()).isNotNull();
            } catch (ArtifactException e) {
                assertThat(e.getMessage()).startsWith("artifact catalogue fuzz.yaml: ");
            }
        });
    }
}
