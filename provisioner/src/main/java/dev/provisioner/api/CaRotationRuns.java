package dev.provisioner.api;

import dev.provisioner.pki.CaRotationException;
import dev.provisioner.pki.CaRotationPhase;
import dev.provisioner.pki.ClusterPki;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The two phases of a CA rotation as rolling applies (see docs/pki.md). Phase 1: new CAs beside the old,
 * rolled out as bundles trusting both (leaves unchanged, so every member and client keeps talking);
 * then the new CAs become current and every leaf is reissued by them and rolled out. Phase 2: the old CAs
 * leave every bundle and are deleted. Each step is recorded in the state directory only after its rollout
 * succeeded, so running the same command again after a failure resumes where it stopped.
 */
final class CaRotationRuns {
    private final ClusterPki pki;
    private final Path stateDirectory;
    /** A rolling apply of a freshly built plan (the plan's PKI is read once per plan, so each step needs its own). */
    private final Supplier<ProvisionReport> rollout;

    CaRotationRuns(ClusterPki pki, Path stateDirectory, Supplier<ProvisionReport> rollout) {
        this.pki = pki;
        this.stateDirectory = stateDirectory;
        this.rollout = rollout;
    }

    ProvisionReport start() {
        CaRotationPhase phase = refusing(() -> pki.beginCaRotation(stateDirectory));
        if (phase == CaRotationPhase.TRUST) {
            ProvisionReport trust = rollout.get();
            if (!trust.ok()) {
                return trust;
            }
            pki.swapCaRotation(stateDirectory);
        }
        ProvisionReport reissue = rollout.get();
        if (reissue.ok()) {
            pki.completeCaRotationPhaseOne(stateDirectory);
        }
        return reissue;
    }

    ProvisionReport finish() {
        refusing(() -> {
            pki.beginCaRotationFinish(stateDirectory);
            return null;
        });
        ProvisionReport report = rollout.get();
        if (report.ok()) {
            pki.completeCaRotation(stateDirectory);
        }
        return report;
    }

    private static <T> T refusing(Supplier<T> step) {
        try {
            return step.get();
        } catch (CaRotationException e) {
            throw new CaRotationRefusedException(e.getMessage());
        }
    }
}
