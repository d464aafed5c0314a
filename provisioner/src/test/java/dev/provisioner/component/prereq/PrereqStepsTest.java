package dev.provisioner.component.prereq;

import dev.provisioner.facts.PackageManager;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.step.InstallPackages;
import dev.provisioner.step.PutFile;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Facts in, actions out, for the prerequisites steps: a fresh VM, a converged VM, and a container. */
class PrereqStepsTest {
    private static final String VM_MOUNTS = "sysfs /sys sysfs rw,nosuid 0 0\nproc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\n";
    private static final String DOCKER_MOUNTS = "proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\n"
            + "proc /proc/sys proc ro,nosuid,nodev,noexec,relatime 0 0\n";
    private static final String SWAPS_HEADER = "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n";

    private final Inventory inv = EngineFixtures.inventory();
    private final List<Step> steps = PrerequisitesPhase.create().steps();

    private Step step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private StepContext ctx(EngineFixtures.Facts facts) {
        return EngineFixtures.context(inv, "node01", facts.build());
    }

    private static EngineFixtures.Facts live(EngineFixtures.Facts f, String ipForward, boolean bridge) {
        f.file("/proc/sys/net/ipv4/ip_forward", ipForward + "\n", 0644, "root", "root");
        if (bridge) {
            f.file("/proc/sys/net/bridge/bridge-nf-call-iptables", "1\n", 0644, "root", "root");
            f.file("/proc/sys/net/bridge/bridge-nf-call-ip6tables", "1\n", 0644, "root", "root");
        }
        return f;
    }

    /** A fresh Debian VM: ip_forward 0, br_netfilter not loaded, a swap file on, listed in fstab. */
    private static EngineFixtures.Facts freshVm() {
        EngineFixtures.Facts f = EngineFixtures.debian("node01")
                .file("/proc/mounts", VM_MOUNTS, 0444, "root", "root")
                .file("/proc/swaps", SWAPS_HEADER + "/swapfile                               file\t\t1048572\t\t0\t\t-2\n", 0444, "root", "root")
                .file("/etc/fstab", "UUID=abc / ext4 errors=remount-ro 0 1\n/swapfile none swap sw 0 0\n", 0644, "root", "root")
                .file("/proc/modules", "ext4 1 0 - Live 0x0\n", 0444, "root", "root")
                .file("/proc/filesystems", "nodev\tsysfs\n\text4\n", 0444, "root", "root");
        return live(f, "0", false);
    }

    @Test
    void freshVmGetsPackagesFstabSwapoffModprobeAndSysctl() {
        StepContext ctx = ctx(freshVm());
        assertThat(step("prereq-packages").plan(ctx).actions()).containsExactly(new InstallPackages(
                List.of("socat", "conntrack", "ipset", "kmod", "iptables", "ca-certificates", "curl", "procps"), PackageManager.APT));

        PutFile fstab = (PutFile) step("swap-fstab").plan(ctx).actions().get(0);
        assertThat(fstab.file().text()).isEqualTo("UUID=abc / ext4 errors=remount-ro 0 1\n" + Fstab.MARK + "/swapfile none swap sw 0 0\n");
        assertThat(fstab.diff()).contains("-/swapfile none swap sw 0 0");

        RunCommand swapoff = (RunCommand) step("swap-off").plan(ctx).actions().get(0);
        assertThat(swapoff.description()).isEqualTo("swapoff -a (active: /swapfile)");
        assertThat(swapoff.script()).startsWith("swapoff -a\n").contains("exit 1");

        PutFile modules = (PutFile) step("kernel-modules-config").plan(ctx).actions().get(0);
        assertThat(modules.path()).isEqualTo("/etc/modules-load.d/k8s.conf");
        RunCommand modprobe = (RunCommand) step("kernel-modules").plan(ctx).actions().get(0);
        assertThat(modprobe.script()).isEqualTo("modprobe overlay\nmodprobe br_netfilter\n");

        PutFile sysctlFile = (PutFile) step("sysctl-config").plan(ctx).actions().get(0);
        assertThat(sysctlFile.path()).isEqualTo("/etc/sysctl.d/k8s.conf");
        RunCommand sysctl = (RunCommand) step("sysctl").plan(ctx).actions().get(0);
        assertThat(sysctl.description()).isEqualTo("sysctl --system (net.ipv4.ip_forward is 0, wanted 1; "
                + "net.bridge.bridge-nf-call-iptables is absent, wanted 1; net.bridge.bridge-nf-call-ip6tables is absent, wanted 1)");
        assertThat(sysctl.script()).startsWith("sysctl --system >/dev/null || true\n")
                .contains("now=$(cat /proc/sys/net/bridge/bridge-nf-call-iptables 2>/dev/null || echo absent)")
                .contains("exit 1");
    }

    @Test
    void convergedVmNeedsNothingAndSaysWhy() {
        EngineFixtures.Facts f = EngineFixtures.debian("node01")
                .file("/proc/mounts", VM_MOUNTS, 0444, "root", "root")
                .file("/proc/swaps", SWAPS_HEADER, 0444, "root", "root")
                .file("/etc/fstab", "UUID=abc / ext4 errors=remount-ro 0 1\n# /swapfile none swap sw 0 0\n", 0644, "root", "root")
                .file("/proc/modules", "br_netfilter 32768 0 - Live 0x0\noverlay 151552 0 - Live 0x0\n", 0444, "root", "root");
        live(f, "1", true);
        PrereqPackagesStep.DEBIAN.forEach(p -> f.pkg(p, "1.0"));
        StepContext bare = ctx(EngineFixtures.debian("node01"));
        step("kernel-modules-config").files(bare).forEach(f::file);
        step("sysctl-config").files(bare).forEach(f::file);
        StepContext ctx = ctx(f);
        for (Step s : steps) {
            assertThat(s.plan(ctx).actions()).as(s.name()).isEmpty();
        }
        assertThat(step("swap-off").plan(ctx).reason()).isEqualTo("no active swap");
        assertThat(step("swap-fstab").plan(ctx).reason()).isEqualTo("/etc/fstab has no active swap entry");
        assertThat(step("kernel-modules").plan(ctx).reason()).isEqualTo("overlay (loaded), br_netfilter (loaded) available");
        assertThat(step("sysctl").plan(ctx).reason()).isEqualTo(
                "live: net.ipv4.ip_forward=1, net.bridge.bridge-nf-call-iptables=1, net.bridge.bridge-nf-call-ip6tables=1");
        assertThat(step("sysctl-config").plan(ctx).reason()).startsWith("/etc/sysctl.d/k8s.conf sets net.ipv4.ip_forward,");
    }

    @Test
    void containerReportsWhatItCannotApplyAndChangesNothingThere() {
        EngineFixtures.Facts f = EngineFixtures.debian("node01")
                .file("/.dockerenv", "", 0755, "root", "root")
                .file("/proc/mounts", DOCKER_MOUNTS, 0444, "root", "root")
                .file("/proc/swaps", SWAPS_HEADER + "/dev/vda2 partition 1048572 0 -2\n", 0444, "root", "root")
                .file("/proc/filesystems", "nodev\toverlay\n", 0444, "root", "root");
        live(f, "0", false);
        StepContext ctx = ctx(f);
        StepOutcome swap = step("swap-off").plan(ctx);
        assertThat(swap.actions()).isEmpty();
        assertThat(swap.reason()).startsWith("cannot apply here: swap /dev/vda2 is active, but this host is a container (docker)");
        StepOutcome modules = step("kernel-modules").plan(ctx);
        assertThat(modules.actions()).isEmpty();
        assertThat(modules.reason()).startsWith("cannot apply here: module(s) br_netfilter not in the running kernel, but this host is a container (docker)")
                .contains("run 'modprobe br_netfilter' on that machine").endsWith("; overlay (overlay filesystem registered) available");
        StepOutcome sysctl = step("sysctl").plan(ctx);
        assertThat(sysctl.actions()).isEmpty();
        assertThat(sysctl.reason()).startsWith("cannot apply here: net.ipv4.ip_forward is 0, wanted 1;")
                .contains("/proc/sys is mounted read-only");
        // The files for the next boot are still written: they are honest on any host.
        assertThat(step("sysctl-config").plan(ctx).actions()).hasSize(1);
    }

    @Test
    void containerWithEverythingAlreadyLiveSaysSoAndWhereItRuns() {
        EngineFixtures.Facts f = EngineFixtures.debian("node01")
                .file("/run/systemd/container", "docker\n", 0444, "root", "root")
                .file("/proc/mounts", DOCKER_MOUNTS, 0444, "root", "root")
                .file("/proc/swaps", SWAPS_HEADER, 0444, "root", "root")
                .file("/proc/filesystems", "nodev\toverlay\n", 0444, "root", "root");
        live(f, "1", true);
        StepContext ctx = ctx(f);
        assertThat(step("kernel-modules").plan(ctx).reason()).isEqualTo(
                "overlay (overlay filesystem registered), br_netfilter (bridge netfilter sysctls present) available"
                        + " (container: docker, /proc/sys read-only)");
        assertThat(step("sysctl").plan(ctx).actions()).isEmpty();
        assertThat(step("swap-off").plan(ctx).reason()).isEqualTo("no active swap (container: docker, /proc/sys read-only)");
    }

    @Test
    void extraSettingsAreValidatedAndRendered() {
        PrereqSettings s = PrereqSettings.standard().withSysctl("vm.max_map_count", "262144").withModule("ip_vs");
        String sysctl = new SysctlConfigStep(s).files(ctx(EngineFixtures.debian("node01"))).get(0).text();
        assertThat(sysctl).isEqualTo("""
                # Managed by provisioner (cluster lab): kernel settings Kubernetes networking needs.
                net.ipv4.ip_forward = 1
                net.bridge.bridge-nf-call-iptables = 1
                net.bridge.bridge-nf-call-ip6tables = 1
                vm.max_map_count = 262144
                """);
        String modules = new ModulesConfigStep(s).files(ctx(EngineFixtures.debian("node01"))).get(0).text();
        assertThat(modules).isEqualTo("""
                # Managed by provisioner (cluster lab): kernel modules containerd, kube-proxy and flannel need.
                overlay
                br_netfilter
                ip_vs
                """);
        assertThatThrownBy(() -> PrereqSettings.standard().withSysctl("vm.x; rm -rf /", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrereqSettings.standard().withSysctl("vm.max_map_count", "1\nkernel.x=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrereqSettings.standard().withModule("../evil")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fstabKeepsEveryOtherLineAndCommentsOnlyActiveSwap() {
        String in = "# comment swap\nUUID=1 / ext4 defaults 0 1\n\t/dev/sda2\tnone\tswap\tsw\t0\t0\n#/dev/sdb none swap sw 0 0\nproc /proc proc defaults";
        assertThat(Fstab.withoutSwap(in)).isEqualTo("# comment swap\nUUID=1 / ext4 defaults 0 1\n" + Fstab.MARK
                + "\t/dev/sda2\tnone\tswap\tsw\t0\t0\n#/dev/sdb none swap sw 0 0\nproc /proc proc defaults");
        assertThat(Fstab.withoutSwap(Fstab.withoutSwap(in))).isEqualTo(Fstab.withoutSwap(in));
        assertThat(SwapLiveStep.active(SWAPS_HEADER + "/swapfile file 1 0 -2\n/dev/zram0 partition 2 0 100\n"))
                .containsExactly("/swapfile", "/dev/zram0");
        assertThat(SysctlLiveStep.normalize("32768\t60999\n")).isEqualTo("32768 60999");
    }

    @Test
    void phaseRunsOnMastersAndNodesOnly() {
        List<String> hosts = PrerequisitesPhase.create().selectHosts(inv).stream().map(h -> h.name()).toList();
        assertThat(hosts).containsExactly("master", "node01");
    }
}
