package dev.provisioner.engine;

import dev.provisioner.operation.RunLock;
import dev.provisioner.operation.RunLockedException;

import dev.provisioner.facts.FactsException;
import dev.provisioner.facts.FactsParser;
import dev.provisioner.facts.FactsTextMismatchException;
import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.FactsScript;
import dev.provisioner.facts.FileProbe;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.inventory.Host;
import dev.provisioner.step.HandEdits;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.Connection;

import java.util.Optional;

/**
 * One host during a run: its single connection (opened on first use), its facts (gathered once, with
 * the union of every step's query over every phase, so a converged host costs one round trip), what
 * changed on it, and its counters. In {@code apply} the host's {@link RunLock} is held from the run's
 * first change on ({@link #lock()}, for every host at once: {@link RunLocks}); the facts script takes it
 * itself when it must wait for another run, name it, or remove what an interrupted run left
 * ({@link Leftovers}), when no run ever took it (a first converge), and, after reading the facts, when a file
 * the run wants is there with other content (the run will rewrite it: one exchange less than taking it before
 * the first change). A converged host is read without taking it, which saves four processes on it.
 */
final class HostSession implements AutoCloseable {
    private final Host host;
    private final ConnectionSource source;
    private final FactsQuery query;
    private final Optional<String> lockHolder;
    private final Ledger ledger = new Ledger();
    /** Guards opening the connection and gathering facts; never held by {@link #close()}, which must not wait on a hung host. */
    private final Object gate = new Object();
    private volatile Connection connection;
    private volatile boolean closed;
    private HostFacts facts;
    /** Whether this connection holds the host's run lock (apply only). */
    private volatile boolean locked;
    /** The lock's generation when the facts were read without it ({@link RunLock#peek}). */
    private String generation = "";
    private long filesWritten;
    private long unitsRestarted;

    /**
     * @param lockHolder in apply: who this run is, recorded with the lock; empty in plan (no lock, nothing removed)
     */
    HostSession(Host host, ConnectionSource source, FactsQuery query, Optional<String> lockHolder) {
        this.host = host;
        this.source = source;
        // The record of what was last written, so steps can tell a hand-edited file (HandEdits).
        this.query = query.files().isEmpty() ? query : query.and(FactsQuery.file(HandEdits.MANIFEST, FileProbe.content()));
        this.lockHolder = lockHolder;
    }

    Host host() {
        return host;
    }

    boolean connected() {
        return connection != null;
    }

    Connection connection() {
        synchronized (gate) {
            if (connection == null) {
                if (closed) {
                    throw new IllegalStateException(host.name() + ": the run is over; not connecting");
                }
                Connection opened = source.open(host);
                connection = opened;
                if (closed) {
                    opened.close();
                }
            }
            return connection;
        }
    }

    /**
     * @throws RunLockedException another run holds this host's lock
     * @throws FactsException     the script failed or its output cannot be parsed
     */
    HostFacts facts() {
        synchronized (gate) {
            return gather();
        }
    }

    private HostFacts gather() {
        if (facts == null) {
            CommandResult r = connection().run(factsCommand());
            if (r.exitCode() == RunLock.REFUSED && lockHolder.isPresent()) {
                throw new RunLockedException(host.name(), RunLock.holder(r.stderr()));
            }
            if (!r.ok()) {
                throw new FactsException(host.name(), "the facts script exited " + r.exitCode() + ": " + r.tail(5));
            }
            String out = lockHolder.isPresent() ? lockLine(r.stdout()) : r.stdout();
            try {
                facts = FactsParser.parse(host.name(), out, query);
            } catch (FactsTextMismatchException notText) {
                // A second exchange, rare: the lock (when taken) is already held for this connection.
                CommandResult again = connection().run(FactsScript.base64Command(query));
                if (!again.ok()) {
                    throw new FactsException(host.name(), "the facts script exited " + again.exitCode() + ": " + again.tail(5));
                }
                facts = FactsParser.parse(host.name(), again.stdout(), query);
            }
        }
        return facts;
    }

    /**
     * In apply: the lock is taken before the facts when another run holds it (to wait for it or name it), the
     * host has no {@code flock}, an interrupted run left files to remove, or no run ever took it; otherwise the
     * facts are read without it and its generation is noted ({@link #lock()}). The script's first line says which.
     * A script that read them without it takes it after them when a file the run wants is there with other content
     * ({@code CH}, see {@link FactsScript}), refused as {@link #lock()} would be when another run took it since,
     * and then says so in a last line.
     */
    private Command factsCommand() {
        Command plain = FactsScript.command(query);
        if (lockHolder.isEmpty()) {
            return plain;
        }
        String script = RunLock.peek(RunLock.DIR) + Leftovers.detect(query.files().keySet())
                + "L=free\nif locknow || leftovers; then\n" + takeLock(null) + "L=held\nfi\n"
                + "printf '" + LOCK_LINE + "%s\\t%s\\n' \"$L\" \"$G\"\nLKS=$L\n"
                + FactsScript.keepingText(query)
                // A file to rewrite (there, but not what the run wants): the run will change this host, so its
                // lock is taken now, after the facts, refused when another run took it since they were read;
                // the separate exchange before the first change is then not needed.
                // (LKS, not L: the facts script's socket probe reads lines into an array L.)
                + "if [ \"$LKS\" = free ] && [ -n \"$CH\" ]; then\n"
                + RunLock.acquireAsPeeked(lockHolder.orElseThrow(), RunLock.DIR) + Leftovers.cleanup(query.files().keySet())
                + "printf '" + LOCK_LINE + "held\\t%s\\n' \"$G\"\nfi\n";
        return new Command(Command.shell(script).line(), true, null, null, plain.display());
    }

    /**
     * Shell lines taking the lock (refused when the generation is no longer {@code expectedGeneration}, unless
     * null) and removing what interrupted runs left.
     */
    private String takeLock(String expectedGeneration) {
        return RunLock.acquire(lockHolder.orElseThrow(), RunLock.DIR, expectedGeneration) + Leftovers.cleanup(query.files().keySet());
    }

    /** The first line of an apply's facts: {@code lock<TAB>held|free<TAB><generation>}. */
    static final String LOCK_LINE = "lock\t";

    /**
     * Notes what the lock lines say (the first; and a last one when the script took the lock after the facts)
     * and returns the facts between them.
     */
    private String lockLine(String stdout) {
        if (!stdout.startsWith(LOCK_LINE)) {
            throw new FactsException(host.name(), "the facts script did not say whether it holds the run lock");
        }
        int end = stdout.indexOf('\n');
        String[] f = stdout.substring(LOCK_LINE.length(), end < 0 ? stdout.length() : end).split("\t", 2);
        locked = f[0].equals("held");
        generation = f.length > 1 ? f[1] : "";
        String rest = end < 0 ? "" : stdout.substring(end + 1);
        String after = "\n" + LOCK_LINE + "held\t";
        int last = rest.lastIndexOf(after);
        if (last >= 0 && rest.indexOf('\n', last + after.length()) >= rest.length() - 1) {
            locked = true;
            rest = rest.substring(0, last + 1);
        }
        return rest;
    }

    /**
     * Takes the host's run lock for this connection, before the run's first change ({@link RunLocks}): refused
     * when another run holds it, or took it since this run read the facts (they may be stale). Also removes what
     * interrupted runs left. Nothing to do in plan, or when the facts script already took it.
     *
     * @throws RunLockedException another run holds the lock or took it since the facts were read
     */
    void lock() {
        synchronized (gate) {
            if (lockHolder.isEmpty() || locked) {
                return;
            }
            CommandResult r = connection().run(new Command(Command.shell(takeLock(generation)).line(), true, null, null,
                    "take the run lock"));
            if (r.exitCode() == RunLock.REFUSED) {
                throw new RunLockedException(host.name(), RunLock.holder(r.stderr()));
            }
            if (!r.ok()) {
                throw new FactsException(host.name(), "taking the run lock exited " + r.exitCode() + ": " + r.tail(5));
            }
            locked = true;
        }
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
        Connection c = connection;
        if (c == null) {
            return new HostCounters(0, 0, filesWritten, unitsRestarted);
        }
        return new HostCounters(c.stats().roundTrips(), c.stats().bytesSent(), filesWritten, unitsRestarted);
    }

    /** Closes the connection (dropping the run lock with it); safe from any thread, also while another waits on the host. */
    @Override
    public void close() {
        closed = true;
        Connection c = connection;
        if (c != null) {
            c.close();
        }
    }
}
