package dev.provisioner.cli;

import dev.provisioner.inventory.InvalidInventoryCorpus;
import dev.provisioner.inventory.InvalidInventoryCorpus.Case;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input through the real command line ({@code plan} and {@code apply}, in-process): every corpus
 * file and every generated case exits 2 with exactly its problems on stderr, creates no state, and no
 * TCP connection reaches the loopback listeners its hosts point at. A control run with a valid
 * inventory shows the same command line does connect to such a listener.
 */
class RefusedBeforeConnectingTest {
    /** The corpus's placeholder SSH ports (see invalid-inventories/README.md). */
    private static final List<String> PLACEHOLDERS = List.of("50022", "50023", "50024", "50025");
    private static final Map<String, ConnectionCounter> LISTENERS = new LinkedHashMap<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void listen() throws IOException {
        PLACEHOLDERS.forEach(p -> LISTENERS.put(p, new ConnectionCounter()));
        copyWithListenerPorts(InvalidInventoryCorpus.DIR, dir.resolve("corpus"));
    }

    @AfterAll
    static void stop() {
        LISTENERS.values().forEach(ConnectionCounter::close);
    }

    static Stream<Case> corpus() {
        return InvalidInventoryCorpus.files(dir.resolve("corpus")).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachCorpusFileIsRefusedWithoutAnyConnection(Case c) {
        refusedWithoutConnecting(c);
    }

    @Test
    void generatedCasesAreRefusedWithoutAnyConnection() throws IOException {
        Path generated = Files.createDirectories(dir.resolve("generated"));
        List<Case> cases = InvalidInventoryCorpus.generated(generated);
        substitutePorts(generated);
        cases.forEach(RefusedBeforeConnectingTest::refusedWithoutConnecting);
    }

    /** Without this control, zero accepted connections could also mean the listeners are never reached. */
    @Test
    void aValidInventoryOnTheSameCommandLineDoesConnect() throws IOException {
        Path control = Files.createDirectories(dir.resolve("control"));
        try (ConnectionCounter master = new ConnectionCounter(); ConnectionCounter registry = new ConnectionCounter()) {
            Files.writeString(control.resolve("password.txt"), "control-password\n");
            Files.writeString(control.resolve("known_hosts"), "");
            Path inventory = Files.writeString(control.resolve("valid.yaml"), InvalidInventoryCorpus.VALID
                    .replace("    keyFile: ~/.ssh/id_ed25519\n", "    password: ${file:password.txt}\n")
                    .replace("50022", String.valueOf(master.port())).replace("50023", String.valueOf(registry.port()))
                    + "  ssh:\n    knownHosts: known_hosts\n    connectTimeout: 5\n");
            CliRun run = CliRun.of("plan", "-i", inventory.toString(), "--state", control.resolve("state").toString());
            assertThat(run.err()).doesNotContain("no host was contacted");
            assertThat(master.accepted() + registry.accepted()).as(run.err()).isPositive();
        }
    }

    private static void refusedWithoutConnecting(Case c) {
        long errors = c.errorCount();
        List<String> expected = new ArrayList<>(c.expectedAs(c.file(), c.folder()));
        expected.add(c.file() + ": invalid (" + errors + " error" + (errors == 1 ? "" : "s") + "); no host was contacted");
        for (String command : List.of("plan", "apply")) {
            Path state = dir.resolve("state");
            CliRun run = CliRun.of(command, "-i", c.file().toString(), "--state", state.toString());
            assertThat(run.exitCode()).as(command + " " + c + "\n" + run.err()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err().lines()).as(command + " " + c).containsExactlyElementsOf(expected);
            assertThat(run.out()).as(command + " " + c).isEmpty();
            assertThat(state).as(command + " " + c + " leaves no state").doesNotExist();
            assertThat(LISTENERS.values().stream().mapToInt(ConnectionCounter::accepted).sum())
                    .as(command + " " + c + ": connections accepted").isZero();
        }
    }

    /** Copies a folder, replacing the placeholder ports in its inventories (byte for byte otherwise). */
    private static void copyWithListenerPorts(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path p : tree.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        substitutePorts(to);
    }

    private static void substitutePorts(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".yaml")).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (Map.Entry<String, ConnectionCounter> e : LISTENERS.entrySet()) {
                    text = text.replaceAll("\\b" + e.getKey() + "\\b", String.valueOf(e.getValue().port()));
                }
                Files.write(f, text.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
    }
}
