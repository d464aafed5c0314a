package dev.provisioner.component.kube;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.testsupport.LabHost;
import dev.provisioner.testsupport.LabHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every unit file the Kubernetes, flannel and add-on phases render, for every shipped inventory and
 * for a lab-style inventory (one host that is master and node), passes {@code systemd-analyze verify}
 * inside one lab container. The release binaries cannot be obtained here, so the test puts
 * placeholder executables at the ExecStart paths IN THE TEST CONTAINER ONLY (verify checks that the
 * executable exists); what is verified is the units' syntax and directives, not the binaries. The
 * kubelet's {@code Requires=containerd.service} is checked against Debian's real containerd unit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubeUnitsVerifyLabTest {
    static final List<String> BINARIES = List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubelet",
            "kube-proxy", "flanneld");
    @TempDir
    static Path state;
    private LabHosts lab;
    private LabHost host;

    @BeforeAll
    void start() {
        lab = LabHosts.start("verify");
        host = lab.host("verify");
        // The kubelet unit requires containerd.service: the real one, from Debian's package, as the runtime phase installs it.
        StringBuilder s = new StringBuilder("set -e\nexport DEBIAN_FRONTEND=noninteractive\napt-get -q update >/dev/null\n"
                + "apt-get -q install -y containerd >/dev/null\n");
        for (String b : BINARIES) {
            s.append("printf '#!/bin/sh\\nexit 0\\n' > /usr/local/bin/").append(b).append(" && chmod 755 /usr/local/bin/").append(b).append('\n');
        }
        host.execOk(s.toString());
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    /** Like the lab: one host that is master and node, no registry. */
    static Inventory labStyle() {
        return Inventory.builder().clusterName("lab")
                .host("verify", h -> h.address("172.17.0.2").roles(Role.MASTER, Role.NODE).keyFile(Path.of("/keys/id_ed25519")))
                .set("cluster.registry.enabled", false)
                .build();
    }

    @Test
    void everyRenderedUnitPassesSystemdAnalyzeVerify() throws Exception {
        Map<String, Inventory> inventories = new LinkedHashMap<>();
        for (Path p : KubeRender.shippedInventories()) {
            inventories.put(p.getFileName().toString().replace(".yaml", ""), KubeRender.LOADER.load(p));
        }
        inventories.put("lab-style", labStyle());
        List<String> verified = new ArrayList<>();
        for (Map.Entry<String, Inventory> inv : inventories.entrySet()) {
            Map<String, List<DesiredFile>> rendered = KubeRender.render(inv.getValue(), state.resolve(inv.getKey()));
            for (Map.Entry<String, List<DesiredFile>> h : rendered.entrySet()) {
                // Not /tmp: systemd mounts a tmpfs there, which hides files copied in with docker cp.
                String dir = "/root/verify/" + inv.getKey() + "/" + h.getKey();
                List<String> units = new ArrayList<>();
                host.execOk("mkdir -p " + dir);
                for (DesiredFile f : h.getValue()) {
                    if (f.unitFile() && KubeTemplatesTest.ours(f)) {
                        String target = dir + f.path().substring(f.path().lastIndexOf('/'));
                        host.put(target, f.text());
                        units.add(target);
                    }
                }
                if (units.isEmpty()) {
                    continue;
                }
                LabHost.Exec r = host.exec("cd " + dir + " && systemd-analyze verify " + String.join(" ", units) + " 2>&1");
                assertThat(r.exitCode()).as(inv.getKey() + "/" + h.getKey() + ": " + r.stdout() + r.stderr()).isZero();
                assertThat(r.stdout()).as(inv.getKey() + "/" + h.getKey()).doesNotContainIgnoringCase("unknown")
                        .doesNotContainIgnoringCase("ignoring").doesNotContainIgnoringCase("invalid");
                units.forEach(u -> verified.add(inv.getKey() + "/" + h.getKey() + u.substring(u.lastIndexOf('/'))));
            }
        }
        TreeSet<String> kinds = new TreeSet<>();
        verified.forEach(v -> kinds.add(v.substring(v.lastIndexOf('/') + 1)));
        assertThat(kinds).containsExactly("flanneld.service", "kube-apiserver.service", "kube-controller-manager.service",
                "kube-proxy.service", "kube-scheduler.service", "kubelet.service");
        assertThat(verified).anyMatch(v -> v.startsWith("azure-ha/master-2/")).anyMatch(v -> v.startsWith("lab-style/verify/"));
    }
}
