package dev.provisioner.cli;

import dev.provisioner.component.hosts.PrepareHostsPhase;
import dev.provisioner.testsupport.LabHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LIVE: {@code plan --out FILE} then {@code apply --plan FILE} through the CLI on two real lab hosts. A hand
 * edit on one host after the plan was saved makes the apply refuse, naming that host and the file, and no
 * host is changed; a plan saved without an edit applies, and a plan after it is empty.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SavedPlanLabTest {
    private LabHosts lab;
    private Path inventory;

    @BeforeAll
    void start() throws Exception {
        lab = LabHosts.start("master", "node01");
        inventory = LabInventory.write(lab, "saved", new String[0], "master", "[master]", "node01", "[node]");
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private CliRun cli(String command, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = command;
        args[1] = "-i";
        args[2] = inventory.toString();
        args[3] = "--only=" + PrepareHostsPhase.TITLE;
        System.arraycopy(more, 0, args, 4, more.length);
        return CliRun.of(args);
    }

    @Test
    void aHandEditAfterThePlanRefusesTheApplyAndAnUneditedPlanAppliesExactly() throws Exception {
        Path saved = lab.dir().resolve("reviewed.plan");
        CliRun plan = cli("plan", "--out", saved.toString());
        assertThat(plan.exitCode()).as(plan.err()).isEqualTo(ExitCodes.CHANGES_PENDING);
        assertThat(saved).content().contains("fact\tnode01\tfile /etc/hosts").contains("action\tmaster\t")
                .contains("inventory\tsha256:");

        String masterBefore = lab.host("master").execOk("cat /etc/hosts");
        lab.host("node01").execOk("echo '10.9.9.9 by-hand' >> /etc/hosts");
        String nodeBefore = lab.host("node01").execOk("cat /etc/hosts");
        CliRun refused = cli("apply", "--plan", saved.toString());
        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(ExitCodes.ERROR);
        assertThat(refused.err()).contains("nothing was changed").contains("node01: the host changed since the plan was saved")
                .contains("file /etc/hosts").doesNotContain("master: the host changed");
        assertThat(lab.host("master").execOk("cat /etc/hosts")).isEqualTo(masterBefore);
        assertThat(lab.host("node01").execOk("cat /etc/hosts")).isEqualTo(nodeBefore);

        Path fresh = lab.dir().resolve("fresh.plan");
        assertThat(cli("plan", "--out", fresh.toString()).exitCode()).isEqualTo(ExitCodes.CHANGES_PENDING);
        CliRun applied = cli("apply", "--plan", fresh.toString());
        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isEqualTo(ExitCodes.OK);
        assertThat(lab.host("master").execOk("cat /etc/hosts")).contains("node01");
        CliRun again = cli("plan");
        assertThat(again.exitCode()).as(again.out()).isEqualTo(ExitCodes.OK);
        // The saved plan is spent: the hosts are no longer as it found them.
        assertThat(cli("apply", "--plan", fresh.toString()).exitCode()).isEqualTo(ExitCodes.ERROR);
    }
}
