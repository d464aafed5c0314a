package dev.provisioner.ops.removal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reading of the drain-and-delete script's output. The script itself runs live in
 * {@code RemoveNodeLabTest} as far as this machine allows: kube-apiserver cannot be obtained here, so the
 * lab proves the "no API to ask" path; the outputs of the paths with an API server are given here.
 */
class KubeNodeDeletionTest {

    @Test
    void noApiToAskIsASkipNamingWhyAndWhere() {
        RemovalStep s = KubeNodeDeletion.parse("node02", "master", 0, "skip=kubectl not found\n", "");
        assertThat(s.status()).isEqualTo(RemovalStep.Status.SKIPPED);
        assertThat(s.detail()).contains("kubectl not found").contains("master");
    }

    @Test
    void aNodeTheApiDoesNotKnowIsDone() {
        RemovalStep s = KubeNodeDeletion.parse("node02", "master", 0, "absent=yes\n", "");
        assertThat(s.status()).isEqualTo(RemovalStep.Status.DONE);
        assertThat(s.detail()).contains("not registered");
    }

    @Test
    void drainedAndDeleted() {
        RemovalStep s = KubeNodeDeletion.parse("node02", "master", 0, "drained=yes\ndeleted=yes\n", "");
        assertThat(s.status()).isEqualTo(RemovalStep.Status.DONE);
        assertThat(s.detail()).isEqualTo("node node02 drained and deleted via master");
    }

    @Test
    void aDrainThatTimedOutStillDeletesAndSaysSo() {
        RemovalStep s = KubeNodeDeletion.parse("node02", "master", 0, "drained=no\ndeleted=yes\n", "");
        assertThat(s.status()).isEqualTo(RemovalStep.Status.DONE);
        assertThat(s.detail()).contains("did not finish in 120 s");
    }

    @Test
    void aFailedDeleteIsAFailureWithTheTail() {
        RemovalStep s = KubeNodeDeletion.parse("node02", "master", 1, "drained=yes\n", "Error from server (Forbidden)");
        assertThat(s.status()).isEqualTo(RemovalStep.Status.FAILED);
        assertThat(s.detail()).contains("exit 1").contains("Forbidden");
    }

    @Test
    void theScriptDrainsThenDeletesWithTheAdminKubeconfig() {
        String script = KubeNodeDeletion.script("node02");
        assertThat(script).contains("k drain node02 --ignore-daemonsets --delete-emptydir-data --force --timeout=120s")
                .contains("k delete node node02 --ignore-not-found")
                .contains("--kubeconfig=/etc/kubernetes/admin.conf");
    }
}
