package dev.provisioner.transport;

import java.util.concurrent.atomic.AtomicLong;

/** Counts what a connection did, for the run report and the benchmark. Thread-safe. */
public final class TransportStats {
    private final AtomicLong roundTrips = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong filesWritten = new AtomicLong();

    /** One request/response exchange with the host: a command, or an SFTP batch. */
    public void roundTrip() {
        roundTrips.incrementAndGet();
    }

    public void sent(long bytes) {
        bytesSent.addAndGet(bytes);
    }

    public void fileWritten() {
        filesWritten.incrementAndGet();
    }

    public long roundTrips() {
        return roundTrips.get();
    }

    public long bytesSent() {
        return bytesSent.get();
    }

    public long filesWritten() {
        return filesWritten.get();
    }
}
