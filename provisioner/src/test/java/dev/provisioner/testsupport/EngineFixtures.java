package dev.provisioner.testsupport;

import dev.provisioner.facts.FileState;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.facts.OsFamily;
import dev.provisioner.facts.PackageManager;
import dev.provisioner.facts.UnitState;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.StepContext;
import dev.provisioner.template.TemplateRenderer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Inventories and hand-made facts for the engine's fixture tests (no hosts, no Docker). */
public final class EngineFixtures {
    public static final Path KEY = Path.of("/keys/id_ed25519");

    private EngineFixtures() {
    }

    /** master, node01, registry (plain HTTP registry on 5000). */
    public static Inventory inventory() {
        return Inventory.builder().clusterName("lab")
                .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER).keyFile(KEY))
                .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE).keyFile(KEY))
                .host("registry", h -> h.address("10.4.4.8").roles(Role.REGISTRY).keyFile(KEY))
                .set("cluster.registry.tls", false)
                .build();
    }

    public static StepContext context(Inventory inv, String host, HostFacts facts) {
        Host h = inv.host(host).orElseThrow();
        return new StepContext(inv, h, TemplateRenderer.builtIn(), Optional.ofNullable(facts));
    }

    /** A fresh Debian 12 host: nothing installed, no managed file, no unit. */
    public static Facts debian(String host) {
        return new Facts(host, "debian", "12", OsFamily.DEBIAN, PackageManager.APT);
    }

    public static Facts rocky(String host) {
        return new Facts(host, "rocky", "9.4", OsFamily.RHEL, PackageManager.DNF);
    }

    /** A mutable builder of {@link HostFacts}. */
    public static final class Facts {
        private final String host;
        private final String id;
        private final String version;
        private final OsFamily family;
        private final PackageManager pm;
        private final Map<String, String> packages = new HashMap<>();
        private final Map<String, FileState> files = new HashMap<>();
        private final Map<String, UnitState> units = new HashMap<>();
        private final Map<String, String> candidates = new HashMap<>();

        Facts(String host, String id, String version, OsFamily family, PackageManager pm) {
            this.host = host;
            this.id = id;
            this.version = version;
            this.family = family;
            this.pm = pm;
        }

        public Facts pkg(String name, String version) {
            packages.put(name, version);
            return this;
        }

        /** Not installed; an install would bring {@code version} (apt's candidate). */
        public Facts candidate(String name, String version) {
            candidates.put(name, version);
            return this;
        }

        public Facts file(String path, String content, int mode, String owner, String group) {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            String sha = DesiredFile.text(path, content).sha256();
            files.put(path, new FileState(path, true, sha, mode, owner, group, Optional.of(bytes)));
            return this;
        }

        /** The file exactly as {@code desired} wants it (a converged host). */
        public Facts file(DesiredFile desired) {
            files.put(desired.path(), new FileState(desired.path(), true, desired.sha256(), desired.mode(),
                    desired.owner(), desired.group(), Optional.empty()));
            return this;
        }

        public Facts unit(String name, String active, String enabled) {
            units.put(name, new UnitState(name, active, enabled));
            return this;
        }

        public HostFacts build() {
            return new HostFacts(host, id, version, family, pm, "x86_64", packages, files, units, candidates);
        }
    }
}
