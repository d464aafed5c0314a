package dev.provisioner.step;

import dev.provisioner.facts.PackageManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the apt script refreshes the package index. Runs the real script with {@code sh}, but with FAKE
 * {@code apt-get} and {@code find} first on PATH: a unit test must not install packages on the machine
 * that runs it, nor depend on its index's age. The lab tests run the same script with the real apt.
 */
class InstallPackagesTest {

    @Test
    void aFreshIndexIsUsedAsItIs(@TempDir Path dir) throws Exception {
        assertThat(run(dir, true, false)).containsExactly("install -y socat conntrack");
    }

    @Test
    void anOldOrMissingIndexIsRefreshedFirst(@TempDir Path dir) throws Exception {
        assertThat(run(dir, false, false)).containsExactly("update", "install -y socat conntrack");
    }

    @Test
    void anInstallThatFailsOnAFreshIndexRefreshesItAndTriesOnce(@TempDir Path dir) throws Exception {
        assertThat(run(dir, true, true)).containsExactly("install -y socat conntrack", "update", "install -y socat conntrack");
    }

    @Test
    void theIndexAgeIsADay() {
        assertThat(new InstallPackages(List.of("socat"), PackageManager.APT).script()).contains("-mmin -1440");
    }

    private static List<String> run(Path dir, boolean freshIndex, boolean firstInstallFails) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path log = dir.resolve("calls");
        Path failed = dir.resolve("failed-once");
        // Every call must wait for the dpkg lock (exit 99 otherwise); the log gets the subcommand and the names.
        fake(bin.resolve("apt-get"), "#!/bin/sh\n"
                + "lock=no; cmd=\n"
                + "for a in \"$@\"; do case \"$a\" in DPkg::Lock::Timeout=600) lock=yes ;; install|update) [ -n \"$cmd\" ] || cmd=$a ;; esac; done\n"
                + "[ \"$lock\" = yes ] || { echo 'apt-get without the dpkg lock wait' >&2; exit 99; }\n"
                + "case \"$cmd\" in install) printf 'install -y' >> " + log + "; for a in \"$@\"; do case \"$a\" in -*|install|Dpkg*|DPkg*) ;; *) printf ' %s' \"$a\" >> " + log + " ;; esac; done; echo >> " + log + "\n"
                + "  " + (firstInstallFails ? "[ -e " + failed + " ] || { touch " + failed + "; exit 100; }" : ":") + " ;;\n"
                + "update) echo update >> " + log + " ;; esac\n");
        fake(bin.resolve("find"), "#!/bin/sh\n" + (freshIndex ? "echo /var/lib/apt/lists/x_Packages\n" : ":\n"));
        String script = new InstallPackages(List.of("socat", "conntrack"), PackageManager.APT).script();
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-ec", script).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process q = pb.start();
        String out = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(q.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(q.exitValue()).as(out).isZero();
        return Files.readAllLines(log);
    }

    private static void fake(Path file, String content) throws Exception {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
