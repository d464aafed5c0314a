package dev.provisioner.api;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.pki.CaRotationPhase;
import dev.provisioner.pki.CaRotationStatus;
import dev.provisioner.pki.ClusterPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rotation's phases as rollouts, on a real state directory: each step is recorded only after its
 * rollout succeeded, so a failed rollout leaves the phase where it was and the same call resumes it; and
 * the refusals happen before any rollout. The rollout here is a recorded outcome (what each rolling apply
 * reported), since what is asserted is the sequencing around it; the rollouts themselves run live in
 * CertsRenewLabTest#caRotation.
 */
class CaRotationRunsTest {
    private static final String INVENTORY = """
            hosts:
              - name: master
                address: 10.4.4.4
                auth: {keyFile: /tmp/none}
                roles: [master, node, registry]
            cluster:
              name: rot
            """;

    @TempDir
    Path state;
    private final ClusterPki pki = ClusterPki.standard();
    private final List<String> rollouts = new ArrayList<>();

    @BeforeEach
    void applied() {
        Inventory inv = Inventory.loader().withEnv(Map.<String, String>of()::get).withHome(Path.of("/home/tester"))
                .parse(INVENTORY, "test.yaml", Path.of("/tmp"));
        pki.ensure(inv, state);
    }

    /** Rollouts that report {@code outcomes} in turn (true: ok), recording the rotation phase each one saw. */
    private CaRotationRuns runs(Boolean... outcomes) {
        Iterator<Boolean> next = List.of(outcomes).iterator();
        return new CaRotationRuns(pki, state, () -> {
            rollouts.add(pki.caRotation(state).map(CaRotationStatus::phase).map(Enum::name).orElse("none"));
            return next.next() ? report() : failed();
        });
    }

    private static ProvisionReport report() {
        return new ProvisionReport(RunMode.APPLY, List.of(), List.of(), Duration.ZERO);
    }

    private static ProvisionReport failed() {
        return new ProvisionReport(RunMode.APPLY, List.of(), List.of(new StepFailure("master", "etcd", "etcd service", "restart",
                1, "", "etcd did not become healthy")), Duration.ZERO);
    }

    private Optional<CaRotationPhase> phase() {
        return pki.caRotation(state).map(CaRotationStatus::phase);
    }

    @Test
    void phaseOneRollsOutTrustThenLeavesAndPhaseTwoDropsTheOldCa() {
        assertThat(runs(true, true).start().ok()).isTrue();
        assertThat(rollouts).containsExactly("TRUST", "REISSUE");
        assertThat(phase()).contains(CaRotationPhase.TRANSITION);
        assertThat(runs(true).finish().ok()).isTrue();
        assertThat(rollouts).containsExactly("TRUST", "REISSUE", "FINISH");
        assertThat(phase()).isEmpty();
        assertThat(state.resolve("pki/ca.old.crt")).doesNotExist();
    }

    @Test
    void aFailedTrustRolloutStaysInTrustAndRunningAgainResumesWithTheSameNextCa() throws Exception {
        assertThat(runs(false).start().ok()).isFalse();
        assertThat(phase()).contains(CaRotationPhase.TRUST);
        byte[] next = Files.readAllBytes(state.resolve("pki/ca.next.crt"));
        assertThat(runs(true, true).start().ok()).isTrue();
        assertThat(rollouts).containsExactly("TRUST", "TRUST", "REISSUE");
        assertThat(Files.readAllBytes(state.resolve("pki/ca.crt"))).isEqualTo(next);
        assertThat(phase()).contains(CaRotationPhase.TRANSITION);
    }

    @Test
    void aFailedReissueRolloutResumesWithTheReissueOnly() {
        assertThat(runs(true, false).start().ok()).isFalse();
        assertThat(phase()).contains(CaRotationPhase.REISSUE);
        assertThatThrownBy(() -> runs().finish()).isInstanceOf(CaRotationRefusedException.class).hasMessageContaining("phase 1");
        assertThat(runs(true).start().ok()).isTrue();
        assertThat(rollouts).containsExactly("TRUST", "REISSUE", "REISSUE");
        assertThat(phase()).contains(CaRotationPhase.TRANSITION);
    }

    @Test
    void aFailedFinishStaysInFinishAndResumes() {
        runs(true, true).start();
        assertThat(runs(false).finish().ok()).isFalse();
        assertThat(phase()).contains(CaRotationPhase.FINISH);
        assertThat(state.resolve("pki/ca.old.crt")).exists();
        assertThat(runs(true).finish().ok()).isTrue();
        assertThat(phase()).isEmpty();
    }

    @Test
    void misuseIsRefusedBeforeAnyRollout() {
        assertThatThrownBy(() -> runs().finish()).isInstanceOf(CaRotationRefusedException.class)
                .hasMessageContaining("no CA rotation is in progress");
        runs(true, true).start();
        assertThatThrownBy(() -> runs().start()).isInstanceOf(CaRotationRefusedException.class)
                .hasMessageContaining("in progress").hasMessageContaining("--finish");
        assertThat(rollouts).containsExactly("TRUST", "REISSUE");
    }
}
