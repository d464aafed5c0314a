package dev.provisioner.cisgate;

import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.CisOutcome;
import dev.provisioner.api.InvalidSetupException;
import dev.provisioner.api.Provisioner;
import dev.provisioner.component.kube.HaInventories;
import dev.provisioner.inventory.Inventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gate on a --templates override that turns anonymous auth on (CIS 1.2.1): plan and apply refuse before
 * any connection; an exception with a reason in the inventory lets it through, listed as accepted.
 */
class CisGateTest {
    @TempDir
    Path state;
    @TempDir
    Path templates;

    private Provisioner provisioner(Inventory inv, AtomicInteger connections) throws Exception {
        Path builtIn = Path.of("..", "templates", "kube", "kube-apiserver.service.ftl");
        Files.createDirectories(templates.resolve("kube"));
        Files.writeString(templates.resolve("kube/kube-apiserver.service.ftl"),
                Files.readString(builtIn).replace("--anonymous-auth=false", "--anonymous-auth=true"));
        return EngineHooks.builder(inv, (h, e) -> {
                    connections.incrementAndGet();
                    throw new IllegalStateException("the gate must refuse before connecting");
                }).stateDirectory(state).downloads(false).templatesDir(templates).build();
    }

    @Test
    void theBuiltInTemplatesPassTheGate() {
        Provisioner p = EngineHooks.builder(HaInventories.threeMasters("")).stateDirectory(state).downloads(false).build();
        CisOutcome v = p.cis();
        assertThat(v.refused()).isEmpty();
        assertThat(v.passed()).isTrue();
        assertThat(v.report()).containsPattern("(?m)^PASS +node-0 +4\\.2\\.1 ")
                .as("masters are nodes").containsPattern("(?m)^PASS +master-0 +4\\.2\\.1 ");
    }

    @Test
    void anOverrideThatFailsACheckIsRefusedBeforeConnecting() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        Provisioner p = provisioner(HaInventories.threeMasters(""), connections);
        assertThat(p.cis().refused()).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("CIS 1.2.1 fails on master-"))
                .anySatisfy(l -> assertThat(l).startsWith("CIS 1.2.1 fails on master-0:"))
                .anySatisfy(l -> assertThat(l).startsWith("CIS 1.2.1 fails on master-2:"));
        assertThatThrownBy(p::plan).isInstanceOf(InvalidSetupException.class)
                .hasMessageContaining("CIS 1.2.1 fails on master-0").hasMessageContaining("cluster.cis.exceptions");
        assertThatThrownBy(p::apply).isInstanceOf(InvalidSetupException.class);
        assertThatThrownBy(() -> p.upgrade(1)).as("before the upgrade preflight connects").isInstanceOf(InvalidSetupException.class);
        assertThat(connections).hasValue(0);
    }

    @Test
    void anAcceptedExceptionWithAReasonLetsItThrough() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        Inventory inv = HaInventories.threeMasters("  cis:\n    exceptions:\n      - check: \"1.2.1\"\n        reason: lab probes without certificates\n");
        CisOutcome v = provisioner(inv, connections).cis();
        assertThat(v.passed()).isTrue();
        assertThat(v.accepted()).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("CIS 1.2.1 on master-")
                .endsWith(": lab probes without certificates"));
    }
}
