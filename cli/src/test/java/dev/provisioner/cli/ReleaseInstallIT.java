package dev.provisioner.cli;

import dev.provisioner.testsupport.LabHost;
import dev.provisioner.testsupport.LabHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LIVE, release artifacts: the tarball and the .deb that {@code mvn -Prelease package} wrote to
 * {@code target/release} (run by failsafe in the release profile, after packaging; see
 * docs/release.md) are installed on a lab host that has no Java, and from there {@code provisioner
 * --version}, {@code validate} and {@code apply} (the prepare-hosts phase) of a one-host inventory
 * run against a second lab host. Both installs apply the same inventory: the second run changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReleaseInstallIT {
    private static final Path RELEASE = Path.of(System.getProperty("provisioner.release.dir", "target/release"));
    private static final String TARBALL_HOME = "/opt/provisioner";
    private static final String INVENTORY = "/root/one-host.yaml";

    private LabHosts lab;
    private LabHost installer;
    private LabHost target;

    @BeforeAll
    void start() throws IOException {
        assertThat(RELEASE.resolve("SHA256SUMS")).as("release artifacts; build them with mvn -Prelease package").exists();
        lab = LabHosts.start("installer", "target");
        installer = lab.host("installer");
        target = lab.host("target");
        copy(RELEASE.resolve("SHA256SUMS"), "/root/release/SHA256SUMS");
        copy(artifact(".tar.gz"), "/root/release/" + artifact(".tar.gz").getFileName());
        copy(artifact(".deb"), "/root/release/" + artifact(".deb").getFileName());
        installer.put("/root/.ssh/lab_ed25519", Files.readString(lab.keys().ed25519()));
        installer.execOk("chmod 600 /root/.ssh/lab_ed25519");
        installer.put("/root/.ssh/lab_known_hosts", target.knownHostsLines());
        installer.put(INVENTORY, """
                defaults:
                  user: root
                  auth:
                    keyFile: /root/.ssh/lab_ed25519
                hosts:
                  - name: target
                    address: %s
                    roles: [master, node]
                cluster:
                  name: released
                  registry:
                    enabled: false
                  ssh:
                    knownHosts: /root/.ssh/lab_known_hosts
                    hostKeyPolicy: strict
                """.formatted(target.address()));
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void theInstallHostHasNoJavaAndTheChecksumsMatch() {
        assertThat(installer.exec("command -v java || ls /usr/lib/jvm").exitCode()).as("no Java on the install host").isNotZero();
        assertThat(installer.execOk("cd /root/release && sha256sum -c SHA256SUMS")).contains(".tar.gz: OK").contains(".deb: OK");
    }

    @Test
    @Order(2)
    void theTarballRunsOnItsOwnRuntimeAndAppliesAnInventory() {
        installer.execOk("mkdir -p " + TARBALL_HOME + " && tar -xzf /root/release/*.tar.gz -C " + TARBALL_HOME + " --strip-components=1");
        String provisioner = TARBALL_HOME + "/bin/provisioner";

        assertThat(installer.execOk(provisioner + " --version")).startsWith("provisioner ");
        assertValid(provisioner);
        LabHost.Exec apply = run(provisioner + " apply --plain -i " + INVENTORY + " --only prepare-hosts");

        assertThat(apply.exitCode()).as(apply.stdout() + apply.stderr()).isZero();
        assertThat(target.execOk("cat /etc/hosts")).contains("provisioner").contains(target.address());
    }

    @Test
    @Order(3)
    void theDebInstallsTheCommandManPagesAndCompletionAndFindsNothingLeftToChange() {
        String control = installer.execOk("dpkg-deb --field /root/release/*.deb");
        for (String field : List.of("Package: provisioner", "Version: ", "Architecture: amd64", "Maintainer: ",
                "Installed-Size: ", "Section: admin", "Priority: optional", "Description: ")) {
            assertThat(control).as("control field").containsPattern("(?m)^" + field);
        }
        assertThat(control).as("depends on no Java package").containsPattern("(?m)^Depends: ")
                .doesNotContainPattern("(?im)^(Pre-)?Depends:.*(jdk|jre|java)");
        installer.execOk("dpkg -i /root/release/*.deb");
        assertThat(installer.execOk("dpkg-query -W -f='${Status}' provisioner")).isEqualTo("install ok installed");
        assertThat(installer.execOk("cd / && md5sum --quiet -c /var/lib/dpkg/info/provisioner.md5sums && echo intact")).contains("intact");
        assertThat(installer.execOk("readlink -f /usr/bin/provisioner")).isEqualTo("/usr/lib/provisioner/bin/provisioner\n");
        assertThat(installer.execOk("cd /usr/lib/provisioner/runtime/lib && LD_LIBRARY_PATH=$PWD:$PWD/server"
                + " ldd $(find . -name '*.so') | grep 'not found' || true"))
                .as("every native library of the runtime loads with what Depends: brings (libc6, zlib1g)").isEmpty();
        assertThat(installer.execOk("ls /usr/share/man/man1/")).contains("provisioner.1.gz").contains("provisioner-apply.1.gz");
        assertThat(installer.execOk("zcat /usr/share/man/man1/provisioner.1.gz")).startsWith(".TH PROVISIONER 1 ").contains(".SH EXIT STATUS");
        assertThat(installer.execOk("zcat /usr/share/man/man1/provisioner-apply.1.gz")).contains("\\-\\-only");
        assertThat(installer.execOk("cat /usr/share/bash-completion/completions/provisioner")).contains("complete").contains("validate");
        assertThat(installer.execOk("ls /usr/share/doc/provisioner/")).contains("copyright").contains("NOTICE");

        assertThat(installer.execOk("provisioner --version")).startsWith("provisioner ");
        assertValid("provisioner");
        LabHost.Exec apply = run("provisioner apply --plain -i " + INVENTORY + " --only prepare-hosts");

        assertThat(apply.exitCode()).as(apply.stdout() + apply.stderr()).isZero();
        assertThat(changedSteps(apply.stdout())).as(apply.stdout()).isZero();
        installer.execOk("dpkg -r provisioner");
        assertThat(installer.exec("ls /usr/lib/provisioner").exitCode()).as("removed with its CDS archive").isNotZero();
    }

    private void assertValid(String provisioner) {
        LabHost.Exec validate = run(provisioner + " validate -i " + INVENTORY);
        assertThat(validate.exitCode()).as(validate.stdout()).isZero();
    }

    private LabHost.Exec run(String command) {
        return installer.exec("cd /root && " + command + " 2>&1");
    }

    /** The CHANGED column of the target's row in the summary table (HOST STATUS UNCHANGED CHANGED ...). */
    private static int changedSteps(String summary) {
        String row = summary.lines().filter(l -> l.startsWith("target ")).reduce((a, b) -> b).orElseThrow();
        return Integer.parseInt(row.trim().split("\\s+")[3]);
    }

    private void copy(Path file, String path) {
        installer.execOk("mkdir -p " + Path.of(path).getParent());
        try {
            Process cp = new ProcessBuilder("docker", "cp", file.toAbsolutePath().toString(), installer.containerId() + ":" + path)
                    .redirectErrorStream(true).start();
            String out = new String(cp.getInputStream().readAllBytes());
            assertThat(cp.waitFor()).as("docker cp " + file + ": " + out).isZero();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path artifact(String suffix) {
        try (Stream<Path> files = Files.list(RELEASE)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
            assertThat(found).as("one " + suffix + " in " + RELEASE).hasSize(1);
            return found.get(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
