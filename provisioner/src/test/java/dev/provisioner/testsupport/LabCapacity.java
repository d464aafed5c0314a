package dev.provisioner.testsupport;

import java.util.concurrent.Semaphore;

/**
 * How many lab hosts may run at once across the whole test JVM. Test classes run concurrently, and
 * JUnit's fork-join pool adds threads while one waits for containers, so without a limit every lab
 * class would boot its hosts at the same moment: dozens of systemd containers on two cores, each
 * booting slower than the tests' timeouts. A class takes permits for all its hosts at once (a fair
 * semaphore, so a 4-host class is not starved by 2-host ones) and gives them back when its hosts are
 * gone. {@code PROVISIONER_LAB_MAX_HOSTS} (default 8) sets the limit.
 *
 * <p>Static state on purpose: the limit is per JVM, and this is test support, not library code.
 */
public final class LabCapacity {
    private static final int MAX = Math.max(1, Integer.parseInt(System.getenv().getOrDefault("PROVISIONER_LAB_MAX_HOSTS", "8")));
    private static final Semaphore PERMITS = new Semaphore(MAX, true);

    private LabCapacity() {
    }

    /** A reservation for {@code hosts} lab hosts, waiting until they fit; close it when they are removed. */
    public static Reservation reserve(int hosts) {
        int n = Math.min(Math.max(hosts, 1), MAX);
        PERMITS.acquireUninterruptibly(n);
        return new Reservation(n);
    }

    /** Permits held for a set of lab hosts; closing twice gives them back once. */
    public static final class Reservation implements AutoCloseable {
        private int held;

        private Reservation(int held) {
            this.held = held;
        }

        @Override
        public synchronized void close() {
            if (held > 0) {
                PERMITS.release(held);
                held = 0;
            }
        }
    }
}
