package dev.provisioner.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public type of the facade package says since which version it exists (docs/versioning.md):
 * the javadoc right before its declaration has an {@code @since} tag. Reads the sources, as javadoc does.
 */
class SinceTagsTest {
    private static final Path API = Path.of("src/main/java/dev/provisioner/api");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(/\\*\\*(?:(?!\\*/).)*\\*/)?\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*public\\s+(?:(?:final|abstract|sealed|non-sealed|static)\\s+)*"
                    + "(?:class|interface|record|enum|@interface)\\s+(\\w+)", Pattern.DOTALL);

    @Test
    void everyPublicTopLevelTypeOfTheApiHasASinceTag() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(API)) {
            sources = files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java")).sorted().toList();
        }
        assertThat(sources).isNotEmpty();
        for (Path source : sources) {
            Matcher m = PUBLIC_TYPE.matcher(Files.readString(source));
            if (m.find()) {
                assertThat(m.group(1)).as("javadoc of %s in %s", m.group(2), source.getFileName()).isNotNull().contains("@since ");
            }
        }
    }
}
