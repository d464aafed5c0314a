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

/**
 * LIVE, the library as an installer consumes it: examples/standalone.sh installs the library into a
 * temporary local repository (never ~/.m2) and builds examples/ outside the reactor against it; then the
 * example's {@code main}, from that build's classpath, runs against four lab hosts (the recipe's master,
 * node01, node02 and registry) limited to the prepare-hosts phase (the other phases need Kubernetes
 * release files that cannot be had here): it plans, applies and reports; a second run finds the hosts
 * converged. Host keys are checked strictly against the lab's known_hosts, given to the example's JVM as
 * {@code ~/.ssh/known_hosts} ({@code -Duser.home}).
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
    void stop() throws IOException {
        if (lab != null) {
            lab.close();
        }
        if (out != null) {
            try (Stream<Path> files = Files.walk(out)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
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
        assertThat(Files.readString(parentPom)).contains("<name>Apache-2.0</name>").contains("<developers>");
    }

    @Test
    void theExampleAppliesToFourLabHostsThenFindsThemConverged() throws Exception {
        List<String> names = List.of("master", "node01", "node02", "registry");
        lab = LabHosts.start(names.toArray(String[]::new));
        Path home = Files.createDirectories(out.resolve("home/.ssh")).getParent();
        Files.copy(lab.knownHosts(), home.resolve(".ssh/known_hosts"));
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Duser.home=" + home, "-cp", classpath, MAIN,
                lab.keys().ed25519().toString()));
        names.forEach(n -> command.add(lab.host(n).address()));
        command.add("prepare-hosts");

        Result first = exec(command, 300);

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("applied: ").contains("health check skipped: only prepare-hosts ran");
        for (String name : names) {
            LabHost host = lab.host(name);
            assertThat(first.output()).as("a StepFinished event per host").containsPattern("(?m)^" + name + " +\\S+ +CHANGED");
            String hosts = host.execOk("cat /etc/hosts");
            names.forEach(n -> assertThat(hosts).as(name + ": /etc/hosts").contains(lab.host(n).address()).contains(n));
            assertThat(host.execOk("journalctl -u ssh --no-pager")).contains("Accepted publickey for root");
        }

        Result second = exec(command, 300);

        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("already converged").doesNotContain("applied: ");
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record Result(int exitCode, String output) {
    }

    private Result exec(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(out.toFile()).redirectErrorStream(true)
                .redirectOutput(out.resolve("run.log").toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not end within " + timeoutSeconds + " s: "
                    + Files.readString(out.resolve("run.log"), StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(out.resolve("run.log"), StandardCharsets.UTF_8));
    }
}
