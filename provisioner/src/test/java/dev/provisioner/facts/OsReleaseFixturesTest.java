package dev.provisioner.facts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The facts script's OS detection on the os-release files of the systems users run (issue 19): the
 * real script reads each file (test resources: Debian's from this machine and the trixie lab image,
 * Ubuntu's and the RHEL family's as those releases ship them) in place of /etc/os-release.
 */
class OsReleaseFixturesTest {
    @ParameterizedTest
    @CsvSource({
            "debian-12, debian, 12, DEBIAN",
            "debian-13, debian, 13, DEBIAN",
            "ubuntu-22.04, ubuntu, 22.04, DEBIAN",
            "ubuntu-24.04, ubuntu, 24.04, DEBIAN",
            "rhel-9.4, rhel, 9.4, RHEL",
            "rocky-9.4, rocky, 9.4, RHEL",
            "almalinux-9.4, almalinux, 9.4, RHEL"})
    void osReleaseGivesIdVersionAndFamily(String file, String id, String version, OsFamily family) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
        Path osRelease = Path.of("src/test/resources/os-release", file).toAbsolutePath();
        assertThat(osRelease).exists();
        String script = FactsScript.text(FactsQuery.EMPTY);
        assertThat(script).contains("OSR=/etc/os-release;");
        Process p = new ProcessBuilder("sh", "-c", script.replace("OSR=/etc/os-release;", "OSR='" + osRelease + "';")).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        HostFacts f = FactsParser.parse(file, out, FactsQuery.EMPTY);
        assertThat(f.osId()).isEqualTo(id);
        assertThat(f.osVersion()).isEqualTo(version);
        assertThat(f.osFamily()).isEqualTo(family);
    }
}
