package dev.provisioner.pki;

import java.time.Instant;

/**
 * A CA rotation in progress, as recorded in the state directory.
 *
 * @param phase   where it stands
 * @param started when phase 1 began
 * @since 0.1
 */
public record CaRotationStatus(CaRotationPhase phase, Instant started) {
}
