package dev.provisioner.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT, also SIGTERM) during {@code apply}: the JVM starts shutting down, and this hook
 * interrupts the thread running the apply and waits for it. The engine then lets the running phase
 * finish its current step on every host, skips the rest, and the command prints its summary; the
 * process exits with {@link ExitCodes#INTERRUPTED}. If the step does not finish within
 * {@link #GRACE} (a hung host), the process exits anyway: the host's files are then old or new,
 * never partial, and the next run removes what was left in flight.
 */
final class InterruptOnSignal implements AutoCloseable {
    static final Duration GRACE = Duration.ofSeconds(60);
    private final Thread hook;
    private final CountDownLatch done = new CountDownLatch(1);

    private InterruptOnSignal(Thread worker, PrintWriter err) {
        this.hook = new Thread(() -> {
            err.println("Interrupted: finishing the current step on every host (up to " + GRACE.toSeconds()
                    + " s), then stopping; exit code " + ExitCodes.INTERRUPTED + ".");
            err.flush();
            worker.interrupt();
            try {
                done.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "provisioner-interrupt");
    }

    /** Installs the hook for the calling thread until {@link #close()}. */
    static InterruptOnSignal install(PrintWriter err) {
        InterruptOnSignal s = new InterruptOnSignal(Thread.currentThread(), err);
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /**
     * Called once the run returned and its summary is printed. Outside a shutdown, removes the hook;
     * during one (Ctrl-C), lets it return so the JVM exits with the signal's status (130).
     */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now that the run is over
        }
    }
}
