package dev.provisioner.transport.jsch;

import java.util.List;

/**
 * The outcome of checking a presented host key against known_hosts.
 *
 * @param status   whether the key is known, unknown, changed or revoked
 * @param expected fingerprints of the keys known_hosts holds for the host (for a changed key: those of the same type)
 */
record HostKeyVerdict(Status status, List<String> expected) {
    enum Status { KNOWN, UNKNOWN, CHANGED, REVOKED }

    static HostKeyVerdict of(Status status) {
        return new HostKeyVerdict(status, List.of());
    }
}
