package dev.provisioner.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the engine's package rules true by scanning its sources: lower layers never import higher
 * ones, third-party SSH/YAML/template types stay in their own package, and library code neither
 * prints nor exits.
 */
class EngineLayeringTest {
    private static final Path SRC = Path.of("src/main/java/dev/provisioner");

    /** Package to the packages it must not import. */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "template", List.of("facts", "step", "engine", "api", "component", "cli", "inventory", "transport"),
            "facts", List.of("step", "engine", "api", "component", "cli", "template"),
            "step", List.of("engine", "api", "component", "cli"),
            "component", List.of("engine", "api", "cli"),
            "engine", List.of("api", "component", "cli"),
            "api", List.of("cli"));

    @Test
    void lowerLayersNeverImportHigherOnes() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : FORBIDDEN.entrySet()) {
            for (Path file : sources(e.getKey())) {
                for (String line : Files.readAllLines(file)) {
                    for (String higher : e.getValue()) {
                        if (line.startsWith("import dev.provisioner." + higher + ".")) {
                            violations.add(SRC.relativize(file) + ": " + line);
                        }
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void thirdPartyTypesStayInTheirOwnPackageAndLibraryCodeNeverPrints() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String pkg : List.of("template", "facts", "step", "engine", "api", "component")) {
            for (Path file : sources(pkg)) {
                // Code only: the facade's Javadoc example prints, as an example should.
                String text = String.join("\n", Files.readAllLines(file).stream()
                        .filter(l -> !l.strip().startsWith("*") && !l.strip().startsWith("//")).toList());
                if (!pkg.equals("template") && text.contains("import freemarker.")) {
                    violations.add(file + ": FreeMarker outside template");
                }
                for (String banned : List.of("import net.schmizz.", "import com.jcraft.", "import org.yaml.snakeyaml.",
                        "System.out", "System.err", "System.exit", "printStackTrace")) {
                    if (text.contains(banned)) {
                        violations.add(file + ": " + banned);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static List<Path> sources(String pkg) throws IOException {
        try (Stream<Path> s = Files.walk(SRC.resolve(pkg))) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
