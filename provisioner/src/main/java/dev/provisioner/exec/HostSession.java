package dev.provisioner.exec;

import dev.provisioner.facts.FactsCache;
import dev.provisioner.facts.FactsGatherer;
import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.inventory.Host;
import dev.provisioner.transport.Connection;

/**
 * One host during a run: its single connection (opened on first use), its facts (gathered once, with
 * the union of every step's query over every phase, so a converged host costs one round trip), what
 * changed on it, and its counters. Used by one worker at a time.
 */
final class HostSession implements AutoCloseable {
    private final Host host;
    private final ConnectionSource source;
    private final FactsQuery query;
    private final FactsCache cache;
    private final Ledger ledger = new Ledger();
    private Connection connection;
    private long filesWritten;
    private long unitsRestarted;

    HostSession(Host host, ConnectionSource source, FactsQuery query, FactsCache cache) {
        this.host = host;
        this.source = source;
        this.query = query;
        this.cache = cache;
    }

    Host host() {
        return host;
    }

    synchronized boolean connected() {
        return connection != null;
    }

    synchronized Connection connection() {
        if (connection == null) {
            connection = source.open(host);
        }
        return connection;
    }

    HostFacts facts() {
        return cache.get(host.name(), () -> FactsGatherer.gather(host.name(), connection(), query));
    }

    Ledger ledger() {
        return ledger;
    }

    synchronized void fileWritten() {
        filesWritten++;
    }

    synchronized void unitRestarted() {
        unitsRestarted++;
    }

    synchronized HostCounters counters() {
        if (connection == null) {
            return new HostCounters(0, 0, filesWritten, unitsRestarted);
        }
        return new HostCounters(connection.stats().roundTrips(), connection.stats().bytesSent(), filesWritten,
                unitsRestarted);
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
    }
}
