package dev.provisioner.cli;

import dev.provisioner.testsupport.LabHost;
import dev.provisioner.testsupport.LabHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * LIVE, the library as an installer consumes it: examples/standalone.sh installs the library into a
 * temporary local repository and builds examples/ outside the reactor against it; then the example's
 * {@code main} runs from that build against a lab host. Its arguments are
 * {@code -Dprovisioner.example.args} (default {@code {key} {address}}: the lab's private key and the
 * host's address); the lab's known_hosts is {@code ~/.ssh/known_hosts} of the example's JVM
 * ({@code -Duser.home}) and also in {@code PROVISIONER_EXAMPLE_KNOWN_HOSTS}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddingExampleIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String MAIN = "dev.provisioner.examples.EmbeddingExample";

    private Path out;
    private String classpath;
    private LabHosts lab;

    @BeforeAll
    void buildStandalone() throws Exception {
        out = Files.createTempDirectory("provisioner-examples-");
        Result build = exec(List.of("bash", ROOT.resolve("examples/standalone.sh").toString(), out.toString()), 600);
        assertThat(build.exitCode()).as(build.output()).isZero();
        classpath = Files.readString(out.resolve("classpath.txt")).strip();
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void theExampleIsBuiltAgainstTheLibraryInstalledInTheTemporaryRepository() throws IOException {
        String library = Arrays.stream(classpath.split(":")).filter(e -> e.contains("/dev/provisioner/provisioner/"))
                .findFirst().orElseThrow();
        assertThat(Path.of(library)).startsWith(out.resolve("repo")).exists();
        assertThat(Files.list(Path.of(library).getParent()).map(p -> p.getFileName().toString()))
                .anyMatch(n -> n.endsWith("-sources.jar")).anyMatch(n -> n.endsWith("-javadoc.jar"));
        assertThat(out.resolve("examples/target/classes/dev/provisioner/examples/EmbeddingExample.class")).exists();
        try (JarFile jar = new JarFile(library)) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo("dev.provisioner");
        }
        Path parentPom;
        try (Stream<Path> poms = Files.walk(out.resolve("repo/dev/provisioner/provisioner-parent"))) {
            parentPom = poms.filter(p -> p.toString().endsWith(".pom")).findFirst().orElseThrow();
        }
        assertThat(Files.readString(parentPom)).contains("<name>Apache-2.0</name>").contains("<scm").contains("<developers>");
    }

    @Test
    void theExampleRunsAgainstALabHost() throws Exception {
        lab = LabHosts.start("example");
        LabHost host = lab.host("example");
        Path home = Files.createDirectories(out.resolve("home/.ssh")).getParent();
        Files.copy(lab.knownHosts(), home.resolve(".ssh/known_hosts"));
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Duser.home=" + home, "-cp", classpath, MAIN));
        for (String arg : System.getProperty("provisioner.example.args", "{key} {address}").split(" ")) {
            command.add(arg.replace("{key}", lab.keys().ed25519().toString()).replace("{address}", host.address()));
        }

        Result run = exec(command, 300);

        assumeFalse(run.exitCode() == 2 && run.output().contains("usage:"),
                "the example takes other arguments than -Dprovisioner.example.args gives: " + run.output());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(host.execOk("journalctl -u ssh --no-pager")).contains("Accepted publickey for");
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record Result(int exitCode, String output) {
    }

    private Result exec(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.resolve("run.log").toFile());
        if (lab != null) {
            pb.environment().put("PROVISIONER_EXAMPLE_KNOWN_HOSTS", lab.knownHosts().toString());
        }
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not end within " + timeoutSeconds + " s: "
                    + Files.readString(out.resolve("run.log"), StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(out.resolve("run.log"), StandardCharsets.UTF_8));
    }
}
