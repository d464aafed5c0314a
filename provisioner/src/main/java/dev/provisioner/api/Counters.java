package dev.provisioner.api;

/**
 * What a run cost on a host (or in total).
 *
 * @param roundTrips     request/response exchanges after connecting; 1 per host on a converged cluster
 * @param bytesSent      bytes sent to the host
 * @param filesWritten   files placed
 * @param unitsRestarted units restarted by handlers
 * @since 0.1
 */
public record Counters(long roundTrips, long bytesSent, long filesWritten, long unitsRestarted) {
    public static final Counters ZERO = new Counters(0, 0, 0, 0);

    public Counters plus(Counters o) {
        return new Counters(roundTrips + o.roundTrips, bytesSent + o.bytesSent, filesWritten + o.filesWritten,
                unitsRestarted + o.unitsRestarted);
    }
}
