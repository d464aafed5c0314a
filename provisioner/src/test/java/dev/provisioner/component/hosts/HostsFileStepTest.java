package dev.provisioner.component.hosts;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.step.Placement;
import dev.provisioner.step.PutFile;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Facts in, actions out. */
class HostsFileStepTest {
    private static final String DOCKER_HOSTS = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost\n172.17.0.3\tnode01\n";
    private final Inventory inv = EngineFixtures.inventory();
    private final HostsFileStep step = new HostsFileStep();

    private StepContext ctx(String hostsContent) {
        return EngineFixtures.context(inv, "node01",
                EngineFixtures.debian("node01").file("/etc/hosts", hostsContent, 0644, "root", "root").build());
    }

    @Test
    void addsTheManagedBlockAndLeavesOtherLinesUntouched() {
        StepOutcome out = step.plan(ctx(DOCKER_HOSTS));
        assertThat(out.actions()).hasSize(1);
        PutFile put = (PutFile) out.actions().get(0);
        assertThat(put.path()).isEqualTo("/etc/hosts");
        assertThat(put.file().placement()).as("bind-mounted in containers: rewritten in place").isEqualTo(Placement.IN_PLACE);
        assertThat(put.file().text()).startsWith(DOCKER_HOSTS).contains("""
                10.4.4.4	master
                10.4.4.5	node01
                10.4.4.8	registry
                # END provisioner managed block
                """);
        assertThat(put.diff()).contains("+10.4.4.4\tmaster").doesNotContain("-127.0.0.1");
        assertThat(put.reasons()).containsExactly("content differs");
    }

    @Test
    void convergedWhenTheBlockIsThere() {
        String done = HostsBlock.merge(DOCKER_HOSTS, blockOf(DOCKER_HOSTS));
        StepOutcome out = step.plan(ctx(done));
        assertThat(out.actions()).isEmpty();
        assertThat(out.reason()).isEqualTo("/etc/hosts lists all 3 inventory hosts");
    }

    @Test
    void replacesAStaleBlockInPlaceKeepingLinesAfterIt() {
        String stale = DOCKER_HOSTS + "# BEGIN provisioner managed block (cluster lab)\n10.9.9.9\told\n"
                + "# END provisioner managed block\n192.168.1.1\tgateway\n";
        PutFile put = (PutFile) step.plan(ctx(stale)).actions().get(0);
        assertThat(put.file().text()).doesNotContain("old").endsWith("# END provisioner managed block\n192.168.1.1\tgateway\n");
        assertThat(put.diff()).contains("-10.9.9.9\told");
    }

    @Test
    void asksForTheFileContent() {
        assertThat(step.facts(ctx("")).files().get("/etc/hosts").detail())
                .isEqualTo(dev.provisioner.facts.FileProbe.Detail.CONTENT);
    }

    private String blockOf(String existing) {
        String merged = step.files(ctx(existing)).get(0).text();
        return merged.substring(existing.length());
    }
}
