package dev.provisioner.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI reaches the operations through the facade ({@code dev.provisioner.api}), never through the engine,
 * the operation context or the day-2 operations' own packages: no source file of the CLI mentions
 * {@code dev.provisioner.engine}, {@code .operation} or {@code .ops} (imports and fully-qualified names alike).
 */
class CliThroughFacadeTest {
    private static final Pattern INTERNAL = Pattern.compile("\\bdev\\.provisioner\\.(engine|operation|ops)(\\.[a-z][a-z0-9]*)*\\.[A-Z]\\w*");

    @Test
    void noCliSourceNamesTheEngineTheOperationContextOrADayTwoPackage() throws IOException {
        Set<String> found = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(files).as("CLI sources").hasSizeGreaterThan(20);
        for (Path f : files) {
            found.addAll(references(f.getFileName().toString(), Files.readString(f)));
        }
        assertThat(found).as("CLI references below the facade").isEmpty();
    }

    @Test
    void theScanSeesImportsAndFullyQualifiedNames() {
        assertThat(references("A.java", "import dev.provisioner.ops.etcd.EtcdRestore;\nclass A { dev.provisioner.engine.Mode m;"
                + " dev.provisioner.operation.OperationSettings s; dev.provisioner.api.Provisioner p; }"))
                .containsExactlyInAnyOrder("A.java -> dev.provisioner.ops.etcd.EtcdRestore", "A.java -> dev.provisioner.engine.Mode",
                        "A.java -> dev.provisioner.operation.OperationSettings");
    }

    private static Set<String> references(String file, String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = INTERNAL.matcher(text);
        while (m.find()) {
            out.add(file + " -> " + m.group());
        }
        return out;
    }
}
