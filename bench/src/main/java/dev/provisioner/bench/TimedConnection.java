package dev.provisioner.bench;

import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.Endpoint;
import dev.provisioner.transport.OutputListener;
import dev.provisioner.transport.TransportStats;
import dev.provisioner.transport.Upload;

import java.util.List;

/**
 * A connection that times what goes over it: the first command (the engine's facts round trip,
 * however the engine schedules it) and everything after it (uploads and scripts: applying).
 * Used by one engine worker at a time, like the connection it wraps.
 */
final class TimedConnection implements Connection {
    private final Connection delegate;
    private long factsNanos = -1;
    private long applyNanos;

    TimedConnection(Connection delegate) {
        this.delegate = delegate;
    }

    @Override
    public Endpoint endpoint() {
        return delegate.endpoint();
    }

    @Override
    public String hostKeyFingerprint() {
        return delegate.hostKeyFingerprint();
    }

    @Override
    public synchronized CommandResult run(Command command, OutputListener listener) {
        long t0 = System.nanoTime();
        try {
            return delegate.run(command, listener);
        } finally {
            record(System.nanoTime() - t0);
        }
    }

    @Override
    public synchronized void upload(List<Upload> uploads) {
        long t0 = System.nanoTime();
        try {
            delegate.upload(uploads);
        } finally {
            record(System.nanoTime() - t0);
        }
    }

    @Override
    public synchronized byte[] read(String remotePath, boolean asRoot) {
        long t0 = System.nanoTime();
        try {
            return delegate.read(remotePath, asRoot);
        } finally {
            record(System.nanoTime() - t0);
        }
    }

    private void record(long nanos) {
        if (factsNanos < 0) {
            factsNanos = nanos;
        } else {
            applyNanos += nanos;
        }
    }

    @Override
    public TransportStats stats() {
        return delegate.stats();
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** Seconds of the first exchange (the facts), 0 when nothing ran. */
    synchronized double factsSeconds() {
        return Math.max(0, factsNanos) / 1e9;
    }

    /** Seconds of every later exchange (uploads, scripts). */
    synchronized double applySeconds() {
        return applyNanos / 1e9;
    }
}
