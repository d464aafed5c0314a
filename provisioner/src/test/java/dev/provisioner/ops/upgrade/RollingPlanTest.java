package dev.provisioner.ops.upgrade;

import dev.provisioner.plan.StandardPlan;
import dev.provisioner.step.Phase;
import dev.provisioner.step.Plan;
import dev.provisioner.step.Rollout;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which phases of the standard plan roll, and how. */
class RollingPlanTest {
    @Test
    void controlPlaneOneAtATimeNodesInBatchesTheRestAsBefore() {
        Plan standard = StandardPlan.create(EngineFixtures.inventory());
        Map<String, Rollout> rollouts = new LinkedHashMap<>();
        for (Phase p : RollingPlan.of(standard, 3).phases()) {
            rollouts.put(p.title(), p.rollout());
        }
        assertThat(rollouts.keySet()).containsExactlyElementsOf(standard.titles());
        assertThat(rollouts).containsEntry("etcd", Rollout.SERIAL).containsEntry("control-plane", Rollout.SERIAL)
                .containsEntry("container-runtime", Rollout.batches(3)).containsEntry("flannel", Rollout.batches(3))
                .containsEntry("kube-node", Rollout.batches(3)).containsEntry("prepare-hosts", Rollout.ALL_AT_ONCE)
                .containsEntry("pki", Rollout.ALL_AT_ONCE);
        assertThat(standard.titles().indexOf("control-plane")).isLessThan(standard.titles().indexOf("kube-node"));
        assertThat(standard.phases()).allMatch(p -> !p.rollout().rolling());
        assertThatThrownBy(() -> RollingPlan.of(standard, 0)).hasMessageContaining("maxUnavailable must be at least 1");
    }
}
