package dev.provisioner.engine;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;
import dev.provisioner.step.Plan;
import dev.provisioner.template.TemplateRenderer;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The files a plan would write per host, without hosts. */
class PlanRendererTest {
    private static final DesiredFile A = DesiredFile.text("/etc/a.conf", "a1\n");
    private static final DesiredFile A2 = DesiredFile.text("/etc/a.conf", "a2\n");
    private static final DesiredFile B = DesiredFile.text("/etc/b.conf", "b\n");
    private static final DesiredFile M = DesiredFile.text("/etc/m.conf", "m\n");

    private static Plan plan() {
        return Plan.of(
                Phase.of("all", HostSelector.all(), StubSteps.file("a", A), StubSteps.file("b", B)),
                Phase.of("masters", HostSelector.roles(Role.MASTER), StubSteps.file("m", M), StubSteps.file("a again", A2)));
    }

    @Test
    void everyHostsFilesInPlanOrderTheLaterContentWinning() {
        Inventory inv = EngineFixtures.inventory();
        Map<String, List<DesiredFile>> out = PlanRenderer.render(plan(), inv, TemplateRenderer.builtIn(), Set.of());

        assertThat(out.keySet()).containsExactly("master", "node01", "registry");
        assertThat(out.get("master")).extracting(DesiredFile::path).containsExactly("/etc/a.conf", "/etc/b.conf", "/etc/m.conf");
        assertThat(out.get("master").get(0).text()).isEqualTo("a2\n");
        assertThat(out.get("node01")).extracting(DesiredFile::text).containsExactly("a1\n", "b\n");
    }

    @Test
    void onlyTheLimitedHosts() {
        Inventory inv = EngineFixtures.inventory();
        Map<String, List<DesiredFile>> out = PlanRenderer.render(plan(), inv, TemplateRenderer.builtIn(), Set.of("node01"));

        assertThat(out.keySet()).containsExactly("node01");
        assertThat(out.get("node01")).extracting(DesiredFile::path).containsExactly("/etc/a.conf", "/etc/b.conf");
    }
}
