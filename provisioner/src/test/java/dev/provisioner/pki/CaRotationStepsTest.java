package dev.provisioner.pki;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The files each CA rotation step moves, and the step each phase refuses with what to run instead. */
class CaRotationStepsTest {
    private static final List<String> CAS = List.of(PkiNames.CA, PkiNames.ETCD_CA, PkiNames.FRONT_PROXY_CA);

    @TempDir
    Path state;
    private final ClusterPki pki = ClusterPki.standard();

    @BeforeEach
    void applied() {
        pki.ensure(PkiFixtures.blog(), state);
    }

    @Test
    void theSwapKeepsTheCurrentPairsAsOldAndMakesTheNextPairsCurrent() throws IOException {
        pki.beginCaRotation(state);
        Map<String, byte[]> before = new HashMap<>();
        for (String ca : CAS) {
            for (String file : List.of(ca + ".crt", ca + ".key", ca + ".next.crt", ca + ".next.key")) {
                before.put(file, read(file));
            }
        }
        pki.swapCaRotation(state);
        for (String ca : CAS) {
            assertThat(read(ca + ".old.key")).as(ca).isEqualTo(before.get(ca + ".key"));
            assertThat(read(ca + ".old.crt")).as(ca).isEqualTo(before.get(ca + ".crt"));
            assertThat(read(ca + ".key")).as(ca).isEqualTo(before.get(ca + ".next.key"));
            assertThat(read(ca + ".crt")).as(ca).isEqualTo(before.get(ca + ".next.crt"));
            assertThat(pkiFile(ca + ".next.key")).as(ca).doesNotExist();
            assertThat(pkiFile(ca + ".next.crt")).as(ca).doesNotExist();
        }
    }

    @Test
    void completingPhaseOneBeforeTheSwapIsRefused() {
        pki.beginCaRotation(state);
        assertThatThrownBy(() -> pki.completeCaRotationPhaseOne(state)).isInstanceOf(CaRotationException.class)
                .hasMessageStartingWith("phase 1 of the CA rotation started ")
                .hasMessageEndingWith(" has not completed (" + CaRotationPhase.TRUST.description()
                        + "); run `provisioner certs renew --ca` again to complete it first");
    }

    @Test
    void aStepOfAnotherPhaseNamesThePhaseTheRotationIsIn() {
        pki.beginCaRotation(state);
        pki.swapCaRotation(state);
        pki.completeCaRotationPhaseOne(state);
        assertThatThrownBy(() -> pki.completeCaRotation(state)).isInstanceOf(CaRotationException.class)
                .hasMessageStartingWith("the CA rotation started ")
                .hasMessageEndingWith(" is in phase TRANSITION (" + CaRotationPhase.TRANSITION.description() + ")");
        assertThatThrownBy(() -> pki.swapCaRotation(state)).isInstanceOf(CaRotationException.class)
                .hasMessageContaining(" is in phase TRANSITION");
        assertThat(pki.caRotation(state).orElseThrow().phase()).isEqualTo(CaRotationPhase.TRANSITION);
    }

    @Test
    void aCompletedRotationLeavesNeitherOldCasNorTheRecord() {
        pki.beginCaRotation(state);
        pki.swapCaRotation(state);
        pki.completeCaRotationPhaseOne(state);
        pki.beginCaRotationFinish(state);
        pki.completeCaRotation(state);
        for (String ca : CAS) {
            assertThat(pkiFile(ca + ".old.key")).doesNotExist();
            assertThat(pkiFile(ca + ".old.crt")).doesNotExist();
        }
        assertThat(pki.caRotation(state)).isEmpty();
        pki.completeCaRotation(state); // without a rotation: nothing to do
        assertThat(pki.caRotation(state)).isEmpty();
    }

    private Path pkiFile(String name) {
        return PkiFixtures.pki(state).resolve(name);
    }

    private byte[] read(String name) throws IOException {
        return Files.readAllBytes(pkiFile(name));
    }
}
