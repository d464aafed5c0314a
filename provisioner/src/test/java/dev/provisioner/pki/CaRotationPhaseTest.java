package dev.provisioner.pki;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The phases of a CA rotation: their one-line descriptions and which of them trust the old CAs. */
class CaRotationPhaseTest {
    @Test
    void eachPhaseDescribesItselfStartingWithItsName() {
        for (CaRotationPhase phase : CaRotationPhase.values()) {
            assertThat(phase.description()).startsWith(phase.name().toLowerCase(java.util.Locale.ROOT) + ": ");
        }
        assertThat(CaRotationPhase.TRANSITION.description()).contains("certs renew --ca --finish");
    }

    @Test
    void onlyReissueAndTransitionTrustTheOldCas() {
        assertThat(CaRotationPhase.TRUST.trustsOld()).isFalse();
        assertThat(CaRotationPhase.REISSUE.trustsOld()).isTrue();
        assertThat(CaRotationPhase.TRANSITION.trustsOld()).isTrue();
        assertThat(CaRotationPhase.FINISH.trustsOld()).isFalse();
    }
}
