package dev.provisioner;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every package of the library and of the modules beside it (cis, lab, cli, examples, bench) has a
 * {@code package-info.java} that says its place in the flow inventory -> model -> plan -> facts ->
 * actions -> events -> report. The sibling modules are read from the checkout (this test runs in the
 * library module's directory).
 */
class PackageInfoTest {
    private static final List<Path> ROOTS = List.of(Path.of("src/main/java"), Path.of("../cis/src/main/java"),
            Path.of("../lab/src/main/java"), Path.of("../cli/src/main/java"), Path.of("../examples/src/main/java"),
            Path.of("../bench/src/main/java"));

    @Test
    void everyPackageSaysItsPlaceInTheFlow() throws IOException {
        List<String> missing = new ArrayList<>();
        int packages = 0;
        for (Path root : ROOTS) {
            assertThat(root).as("module sources").isDirectory();
            for (Path dir : packageDirectories(root)) {
                packages++;
                Path info = dir.resolve("package-info.java");
                if (!Files.isRegularFile(info)) {
                    missing.add(dir + ": no package-info.java");
                } else if (!Files.readString(info).contains("Place in the flow")) {
                    missing.add(info + ": does not say its place in the flow");
                }
            }
        }
        assertThat(packages).as("packages found").isGreaterThan(35);
        assertThat(missing).isEmpty();
    }

    private static List<Path> packageDirectories(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isDirectory).filter(PackageInfoTest::hasJava).sorted().toList();
        }
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.toString().endsWith(".java") && !p.getFileName().toString().equals("package-info.java"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
