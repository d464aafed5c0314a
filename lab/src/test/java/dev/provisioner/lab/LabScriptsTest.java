package dev.provisioner.lab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decisions of lab/ensure-docker.sh and lab/build-image.sh in the machine states users have
 * (issue 23): Docker already running, no image registry, no debootstrap, no apt, no root. The
 * scripts run for real; the machine around them is made of PATH stand-ins ({@link ScriptSandbox}).
 */
class LabScriptsTest {
    @TempDir
    Path dir;

    @Test
    void noRegistryAndNoDebootstrapInstallsDebootstrapAndBuildsTheSuiteAskedFor() throws Exception {
        ScriptSandbox box = new ScriptSandbox(dir);
        box.docker(true);
        box.aptGet();
        ScriptSandbox.Result r = box.run("build-image.sh", "trixie");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.calls()).contains("apt-get -q -o DPkg::Lock::Timeout=300 install -y debootstrap")
                .containsPattern("debootstrap --variant=minbase --include=\\S*openssh-server\\S* trixie /var/tmp/provisioner-lab-rootfs\\.\\S+ "
                        + "http://mirror.example/debian")
                .contains("import -c CMD [\"/sbin/init\"] -c LABEL dev.provisioner.lab.revision=4 -c LABEL dev.provisioner.lab.suite=trixie"
                        + " - provisioner-lab:trixie");
        assertThat(r.stderr()).contains("image provisioner-lab:trixie built (trixie)");
    }

    @Test
    void withoutAptTheMessageNamesThePackageAndTheCommand() throws Exception {
        ScriptSandbox box = new ScriptSandbox(dir);
        box.docker(true);
        box.dnf();
        box.runAsUser();
        ScriptSandbox.Result r = box.run("build-image.sh", "bookworm");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("no apt-get on this machine").contains("sudo dnf install -y debootstrap")
                .contains("cannot build provisioner-lab:bookworm: no image registry answers");
        assertThat(r.calls()).doesNotContain("import");
    }

    @Test
    void aUserWithoutPasswordlessSudoIsToldTheExactCommand() throws Exception {
        ScriptSandbox box = new ScriptSandbox(dir);
        box.docker(true);
        box.aptGet();
        box.runAsUser();
        box.denySudo();
        ScriptSandbox.Result r = box.run("build-image.sh");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("run 'sudo apt-get install -y debootstrap'");
        assertThat(r.calls()).doesNotContain("install -y debootstrap");
    }

    @Test
    void aLocalDebianImageIsUsedWithoutRegistryOrDebootstrap() throws Exception {
        ScriptSandbox box = new ScriptSandbox(dir);
        box.docker(true, "debian:bookworm");
        ScriptSandbox.Result r = box.run("build-image.sh", "bookworm");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.calls()).contains("docker build -q -t provisioner-lab:bookworm-base").doesNotContain("debootstrap")
                .doesNotContain("apt-get -q").contains("- provisioner-lab:bookworm");
    }

    @Test
    void anExistingImageOfTheCurrentRevisionIsKept() throws Exception {
        ScriptSandbox box = new ScriptSandbox(dir);
        box.stub("docker", "log docker \"$@\"; [ \"$1\" = image ] && echo 4");
        ScriptSandbox.Result r = box.run("build-image.sh", "trixie");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stderr()).contains("image provisioner-lab:trixie exists (revision 4)");
        assertThat(r.calls()).doesNotContain("import").doesNotContain("pull");
    }

    @Test
    void anUnknownSuiteIsAUsageError() throws Exception {
        ScriptSandbox box = new ScriptSandbox(dir);
        box.docker(true);
        ScriptSandbox.Result r = box.run("build-image.sh", "jessie");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("unsupported suite 'jessie': use bookworm (Debian 12) or trixie (Debian 13)");
    }

    @Test
    void ensureDockerInstallsDebootstrapAlsoWhenTheEngineAlreadyAnswers() throws Exception {
        ScriptSandbox box = new ScriptSandbox(dir);
        box.docker(true);
        box.aptGet();
        box.stub("sysctl", "log sysctl \"$@\"");
        ScriptSandbox.Result r = box.run("ensure-docker.sh");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.calls()).contains("apt-get -q -o DPkg::Lock::Timeout=300 install -y debootstrap").doesNotContain("dockerd");
    }

    @Test
    void aUserOutsideTheDockerGroupIsToldHowToJoinItAndNothingIsInstalled() throws Exception {
        ScriptSandbox box = new ScriptSandbox(dir);
        box.stub("docker", "log docker \"$@\"; echo 'permission denied while trying to connect to the Docker daemon socket' >&2; exit 1");
        box.aptGet();
        box.runAsUser();
        ScriptSandbox.Result r = box.run("ensure-docker.sh");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("sandboxuser may not use it").contains("run 'sudo usermod -aG docker sandboxuser'");
        assertThat(r.calls()).doesNotContain("apt-get").doesNotContain("dockerd");
    }

    @Test
    void withoutDockerTheEngineIsInstalledAndStartedThroughSudo() throws Exception {
        ScriptSandbox box = new ScriptSandbox(dir);
        box.aptGet();
        box.dockerPackage();
        box.stub("sysctl", "log sysctl \"$@\"");
        box.runAsUser();
        ScriptSandbox.Result r = box.run("ensure-docker.sh");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.calls()).contains("sudo -n env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300 install -y docker.io debootstrap")
                .contains("dockerd --host unix:///var/run/docker.sock");
        assertThat(r.stderr()).contains("Docker engine ready");
    }
}
