package dev.provisioner.engine;

/**
 * What a run cost on one host.
 *
 * @param roundTrips     request/response exchanges after connecting (facts script, SFTP batch, install, scripts)
 * @param bytesSent      bytes sent (file content and command input)
 * @param filesWritten   files placed
 * @param unitsRestarted units restarted by handlers
 */
public record HostCounters(long roundTrips, long bytesSent, long filesWritten, long unitsRestarted) {
    public static final HostCounters ZERO = new HostCounters(0, 0, 0, 0);

    public HostCounters plus(HostCounters o) {
        return new HostCounters(roundTrips + o.roundTrips, bytesSent + o.bytesSent, filesWritten + o.filesWritten,
                unitsRestarted + o.unitsRestarted);
    }
}
