package dev.provisioner.component.runtime;

import dev.provisioner.artifacts.Arch;
import dev.provisioner.artifacts.ChecksumSource;
import dev.provisioner.artifacts.MissingArtifacts;
import dev.provisioner.artifacts.Origin;
import dev.provisioner.artifacts.ResolvedArtifact;
import dev.provisioner.component.ComponentContext;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.Action;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.EnsureUnit;
import dev.provisioner.step.Phase;
import dev.provisioner.step.PutFile;
import dev.provisioner.step.RestartOnChange;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.step.WaitHealthy;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Facts in, actions out for containerd from its releases (the inventory default, install source
 * {@code binaries}, and {@code artifacts}): uploads only when a checksum differs, our unit, the missing
 * release files named in one failure, and the unit's exact text.
 */
class RuntimeBinariesTest {
    private static final List<String> INSTALLED = List.of("/usr/local/bin/containerd", "/usr/local/bin/containerd-shim-runc-v2",
            "/usr/local/bin/ctr", "/usr/local/sbin/runc", "/opt/cni/bin/bridge", "/opt/cni/bin/host-local",
            "/opt/cni/bin/loopback", "/opt/cni/bin/portmap");

    @TempDir
    Path tmp;

    /** The default install source (binaries). */
    private static Inventory inventory() {
        return Inventory.builder().clusterName("lab")
                .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE).keyFile(EngineFixtures.KEY))
                .set("cluster.registry.enabled", false).build();
    }

    private static ResolvedArtifact artifact(Path dir, String component, String version, List<String> names, String sha)
            throws Exception {
        Map<String, Path> bins = new LinkedHashMap<>();
        for (String n : names) {
            bins.put(n, Files.writeString(Files.createDirectories(dir.resolve(component)).resolve(n), "#!/bin/sh\necho " + n + "\n"));
        }
        return new ResolvedArtifact(component, version, Arch.AMD64, bins, dir.resolve(component + ".tar.gz"), sha,
                ChecksumSource.CATALOGUE, Origin.CACHE);
    }

    /** A resolved release made here, with the binary list of the real catalogue. */
    private RuntimeRelease fixedRelease() throws Exception {
        List<RuntimeBinary> binaries = RuntimeRelease.of(new ComponentContext(inventory(), tmp.resolve("unused"), Optional.empty(), false))
                .binaries();
        var artifacts = new RuntimeRelease.Artifacts(
                artifact(tmp, "containerd", "2.1.3", List.of("containerd", "containerd-shim-runc-v2", "ctr"), "ab".repeat(32)),
                artifact(tmp, "runc", "1.3.0", List.of("runc"), "cd".repeat(32)),
                artifact(tmp, "cni-plugins", "1.8.0", List.of("bridge", "host-local", "loopback", "portmap"), "ef".repeat(32)));
        return new RuntimeRelease(arch -> artifacts, binaries);
    }

    private static Step step(Phase p, String name) {
        return p.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void freshNodeGetsBinariesUnitConfigAndARestartWatchingThem() throws Exception {
        Inventory inv = inventory();
        Phase phase = ContainerRuntimePhase.create(fixedRelease(), RuntimeOptions.defaults());
        StepContext ctx = EngineFixtures.context(inv, "node01", EngineFixtures.debian("node01").build());

        List<String> withRecord = new java.util.ArrayList<>(INSTALLED);
        withRecord.add("/var/lib/provisioner/versions/containerd");
        assertThat(step(phase, "containerd-binaries").facts(ctx).files()).containsOnlyKeys(withRecord);
        List<Action> all = step(phase, "containerd-binaries").plan(ctx).actions();
        assertThat(all).extracting(a -> ((PutFile) a).path()).containsExactlyElementsOf(withRecord);
        // After the binaries, the installed-version record that upgrade reads back.
        assertThat(((PutFile) all.get(all.size() - 1)).file().text()).isEqualTo(inv.cluster().versions().containerd() + "\n");
        List<Action> install = all.subList(0, INSTALLED.size());
        assertThat(install).allSatisfy(a -> {
            PutFile p = (PutFile) a;
            assertThat(p.file().mode()).isEqualTo(0755);
            assertThat(p.file().owner()).isEqualTo("root");
            assertThat(p.file().sensitive()).as("no content fetched or diffed").isTrue();
            assertThat(p.diff()).isEmpty();
        });
        assertThat(((PutFile) install.get(3)).file().text()).isEqualTo("#!/bin/sh\necho runc\n");

        assertThat(step(phase, "containerd-packages").facts(ctx).packages()).isEmpty();
        assertThat(step(phase, "containerd-packages").plan(ctx).reason())
                .isEqualTo("containerd, runc and CNI plugins come from their releases (cluster.install.containerd: binaries)");
        assertThat(step(phase, "cni-plugins").plan(ctx).isConverged()).isTrue();

        PutFile unit = (PutFile) step(phase, "containerd-unit").plan(ctx).actions().get(0);
        assertThat(unit.path()).isEqualTo("/usr/local/lib/systemd/system/containerd.service");
        assertThat(unit.file().unitFile()).as("a changed unit makes the engine add one daemon-reload").isTrue();
        assertThat(unit.file().mode()).isEqualTo(0644);
        assertThat(unit.file().text()).contains("ExecStart=/usr/local/bin/containerd\n");

        String config = ((PutFile) step(phase, "containerd-config").plan(ctx).actions().get(0)).file().text();
        assertThat(config).contains("# Config version 3, for containerd 2.1 and later.\n").contains("bin_dirs = [\"/opt/cni/bin\"]");

        List<Action> service = step(phase, "containerd-service").plan(ctx).actions();
        assertThat(service.get(0)).isEqualTo(new EnsureUnit("containerd.service", true, true));
        RestartOnChange restart = (RestartOnChange) service.get(1);
        assertThat(restart.watchedPaths()).containsExactlyInAnyOrder("/etc/containerd/config.toml",
                "/usr/local/lib/systemd/system/containerd.service", "/usr/local/bin/containerd");
        assertThat(restart.watchedPackages()).isEmpty();
        assertThat(((WaitHealthy) service.get(2)).script())
                .isEqualTo("systemctl is-active --quiet containerd && /usr/local/bin/ctr version >/dev/null");
    }

    @Test
    void convergedNodeUploadsNothingAndChangedBinariesAreUploadedAgain() throws Exception {
        Inventory inv = inventory();
        Phase phase = ContainerRuntimePhase.create(fixedRelease(), RuntimeOptions.defaults());
        StepContext fresh = EngineFixtures.context(inv, "node01", EngineFixtures.debian("node01").build());
        EngineFixtures.Facts facts = EngineFixtures.debian("node01").unit("containerd.service", "active", "enabled");
        step(phase, "containerd-binaries").plan(fresh).actions().forEach(a -> facts.file(((PutFile) a).file()));
        for (Step s : phase.steps()) {
            s.files(fresh).forEach(facts::file);
        }
        StepContext ctx = EngineFixtures.context(inv, "node01", facts.build());
        for (Step s : phase.steps()) {
            assertThat(s.plan(ctx).isConverged()).as(s.name()).isTrue();
        }
        assertThat(step(phase, "containerd-binaries").plan(ctx).reason()).isEqualTo(
                "containerd 2.1.3 (catalogue sha256 abababababab), runc 1.3.0 (catalogue sha256 cdcdcdcdcdcd), cni-plugins 1.8.0"
                        + " (catalogue sha256 efefefefefef) in /usr/local/bin, /usr/local/sbin, /opt/cni/bin match the verified releases");
        assertThat(step(phase, "containerd-unit").plan(ctx).reason())
                .isEqualTo("/usr/local/lib/systemd/system/containerd.service is up to date");

        // A binary someone replaced (other checksum) is uploaded again, alone.
        StepContext tampered = EngineFixtures.context(inv, "node01",
                facts.file("/usr/local/sbin/runc", "other runc", 0755, "root", "root").build());
        StepOutcome again = step(phase, "containerd-binaries").plan(tampered);
        assertThat(again.actions()).extracting(a -> ((PutFile) a).path()).containsExactly("/usr/local/sbin/runc");
        assertThat(((PutFile) again.actions().get(0)).reasons()).containsExactly("content differs");
    }

    @Test
    void missingReleaseFilesFailPlanningWithOneMessageNamingEveryFile() {
        Inventory inv = inventory();
        ComponentContext offline = new ComponentContext(inv, tmp.resolve("state"), Optional.empty(), false);
        Step install = step(ContainerRuntimePhase.create(offline), "containerd-binaries");
        StepContext ctx = EngineFixtures.context(inv, "node01", EngineFixtures.debian("node01").build());
        assertThatThrownBy(() -> install.plan(ctx)).isInstanceOfSatisfying(MissingArtifacts.class, e -> {
            assertThat(e.missing()).extracting(m -> m.file()).containsExactly("containerd-2.1.3-linux-amd64.tar.gz",
                    "v1.3.0/linux/amd64/runc.amd64", "cni-plugins-linux-amd64-v1.8.0.tgz");
            assertThat(e.getMessage()).contains("containerd 2.1.3 (amd64)", "runc 1.3.0 (amd64)", "cni-plugins 1.8.0 (amd64)",
                    "--artifacts");
        });

        // Air-gapped (artifacts): nothing is downloaded even when downloads are allowed; an empty directory misses all three.
        Path dir = tmp.resolve("artifacts");
        Inventory airGapped = Inventory.builder().clusterName("lab")
                .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE, Role.MASTER).keyFile(EngineFixtures.KEY))
                .set("cluster.registry.enabled", false).set("cluster.install.containerd", "artifacts")
                .set("cluster.install.artifactsDir", dir.toString()).build();
        ComponentContext online = new ComponentContext(airGapped, tmp.resolve("state2"), Optional.empty(), true);
        StepContext ctx2 = EngineFixtures.context(airGapped, "node01", EngineFixtures.debian("node01").build());
        assertThatThrownBy(() -> {
            Files.createDirectories(dir);
            step(ContainerRuntimePhase.create(online), "containerd-binaries").plan(ctx2);
        }).isInstanceOfSatisfying(MissingArtifacts.class, e -> {
            assertThat(e.missing()).hasSize(3);
            assertThat(e.getMessage()).contains(dir + "/containerd-2.1.3-linux-amd64.tar.gz", "downloads are switched off");
        });
    }

    @Test
    void renderingNeedsNoArtifacts() {
        Inventory inv = inventory();
        ComponentContext offline = new ComponentContext(inv, tmp.resolve("state"), Optional.empty(), false);
        Phase phase = ContainerRuntimePhase.create(offline);
        StepContext ctx = EngineFixtures.context(inv, "node01", null);
        List<DesiredFile> files = phase.steps().stream().flatMap(s -> s.files(ctx).stream()).toList();
        assertThat(files).extracting(DesiredFile::path)
                .containsExactly("/usr/local/lib/systemd/system/containerd.service", "/etc/containerd/config.toml");
        assertThat(Files.exists(tmp.resolve("state"))).as("nothing resolved or cached").isFalse();
    }

    @Test
    void goldenUnit() {
        StepContext ctx = EngineFixtures.context(inventory(), "node01", null);
        assertThat(new ContainerdUnitStep().files(ctx).get(0).text()).isEqualTo("""
                # Managed by provisioner (cluster lab): containerd 2.1.3 from its release; upstream's unit.
                [Unit]
                Description=containerd container runtime
                Documentation=https://containerd.io
                After=network.target dbus.service

                [Service]
                ExecStartPre=-/sbin/modprobe overlay
                ExecStart=/usr/local/bin/containerd
                Type=notify
                Delegate=yes
                KillMode=process
                Restart=always
                RestartSec=5
                LimitNPROC=infinity
                LimitCORE=infinity
                TasksMax=infinity
                OOMScoreAdjust=-999

                [Install]
                WantedBy=multi-user.target
                """);
    }
}
