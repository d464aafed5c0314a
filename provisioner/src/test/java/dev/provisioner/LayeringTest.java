package dev.provisioner;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the library's layers true by scanning every source file of every package: each package has a
 * layer, and a package may refer only to packages of its own layer or below, with no cycle at all.
 * A reference is any mention of {@code dev.provisioner.<package>.<Type>} anywhere in a file, imports,
 * fully-qualified names in code, and Javadoc ({@code {@link ...}}) alike: nothing is stripped.
 * Third-party SSH/YAML/template types stay in their own package, and library code neither prints nor exits.
 */
class LayeringTest {
    private static final Path SRC = Path.of("src/main/java");
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.provisioner((?:\\.[a-z][a-z0-9]*)*)\\.(?:[A-Z]|\\*)");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");

    /**
     * The layers, bottom first, along the flow inventory -> model -> plan -> facts -> actions -> events
     * -> report. A name ending in ".*" covers the package and every package below it.
     */
    static final List<List<String>> LAYERS = List.of(
            List.of("", "template", "artifacts", "inventory", "transport.*"),
            List.of("facts", "pki", "connect", "operation", "images"),
            List.of("step"),
            List.of("component.*"),
            List.of("plan", "cisgate", "bundle"),
            List.of("engine.*"),
            List.of("ops.*"),
            List.of("api"));

    @Test
    void everyPackageHasALayerAndRefersOnlyToItsOwnLayerOrBelow() throws IOException {
        Map<String, Set<String>> graph = graph();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : graph.entrySet()) {
            int from = layer(e.getKey());
            if (from < 0) {
                problems.add(e.getKey() + ": no layer (add it to LayeringTest.LAYERS)");
                continue;
            }
            for (String to : e.getValue()) {
                if (layer(to) > from) {
                    problems.add(e.getKey() + " (layer " + from + ") refers up to " + to + " (layer " + layer(to) + "): "
                            + String.join(", ", where(e.getKey(), to)));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noPackageCycle() throws IOException {
        Map<String, Set<String>> graph = graph();
        List<List<String>> cycles = new Tarjan(graph).cycles();
        assertThat(cycles).isEmpty();
    }

    @Test
    void theScanSeesFullyQualifiedNamesInCodeAndJavadoc() {
        assertThat(references("/** See {@link dev.provisioner.api.Provisioner#plan()}. */\nclass A { "
                + "Object o = new dev.provisioner.engine.Executor(); dev.provisioner.Version v; }"))
                .containsExactlyInAnyOrder("api", "engine", "");
        assertThat(references("import dev.provisioner.ops.check.*;\nimport static dev.provisioner.step.Plan.of;"))
                .containsExactlyInAnyOrder("ops.check", "step");
    }

    @Test
    void thirdPartyTypesStayInTheirOwnPackageAndLibraryCodeNeverPrints() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = packageOf(file);
            // Code only: Javadoc examples may print, as examples should.
            String text = String.join("\n", Files.readAllLines(file).stream()
                    .filter(l -> !l.strip().startsWith("*") && !l.strip().startsWith("//")).toList());
            if (!pkg.equals("template") && text.contains("import freemarker.")) {
                violations.add(file + ": FreeMarker outside template");
            }
            if (!pkg.equals("transport.sshj") && text.contains("import net.schmizz.")) {
                violations.add(file + ": sshj outside transport.sshj");
            }
            if (!pkg.equals("transport.jsch") && text.contains("import com.jcraft.")) {
                violations.add(file + ": JSch outside transport.jsch");
            }
            if (!Set.of("inventory", "artifacts", "bundle", "images").contains(pkg) && text.contains("import org.yaml.snakeyaml.")) {
                violations.add(file + ": SnakeYAML outside the inventory, the artifact catalog, bundles and image manifests");
            }
            for (String banned : List.of("System.out", "System.err", "System.exit", "printStackTrace", "import picocli.",
                    "import org.testcontainers.")) {
                if (text.contains(banned)) {
                    violations.add(file + ": " + banned);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    static int layer(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            for (String p : LAYERS.get(i)) {
                if (p.equals(pkg) || p.endsWith(".*") && (pkg.equals(p.substring(0, p.length() - 2))
                        || pkg.startsWith(p.substring(0, p.length() - 1)))) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Package (relative to dev.provisioner, "" for the root) to the packages its files mention. */
    static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> g = new TreeMap<>();
        for (Path file : sources()) {
            String pkg = packageOf(file);
            Set<String> refs = g.computeIfAbsent(pkg, k -> new TreeSet<>());
            references(Files.readString(file)).stream().filter(r -> !r.equals(pkg)).forEach(refs::add);
        }
        return g;
    }

    static Set<String> references(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            out.add(m.group(1).isEmpty() ? "" : m.group(1).substring(1));
        }
        return out;
    }

    private static List<String> where(String from, String to) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path file : sources()) {
            if (packageOf(file).equals(from) && references(Files.readString(file)).contains(to)) {
                out.add(SRC.relativize(file).toString());
            }
        }
        return out;
    }

    private static String packageOf(Path file) throws IOException {
        Matcher m = PACKAGE.matcher(Files.readString(file));
        if (!m.find()) {
            throw new IllegalStateException(file + ": no package declaration");
        }
        String name = m.group(1);
        return name.equals("dev.provisioner") ? "" : name.substring("dev.provisioner.".length());
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(SRC)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** Strongly connected components with more than one package: the cycles. */
    private static final class Tarjan {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new LinkedHashMap<>();
        private final Map<String, Integer> low = new LinkedHashMap<>();
        private final List<String> stack = new ArrayList<>();
        private final List<List<String>> cycles = new ArrayList<>();

        Tarjan(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        List<List<String>> cycles() {
            graph.keySet().forEach(v -> {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            });
            return cycles;
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.add(v);
            for (String w : graph.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (stack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                List<String> component = new ArrayList<>();
                String w;
                do {
                    w = stack.remove(stack.size() - 1);
                    component.add(w);
                } while (!w.equals(v));
                if (component.size() > 1) {
                    cycles.add(component);
                }
            }
        }
    }
}
