package dev.provisioner.transport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one retry policy of every transport: an attempt that fails with {@link UnreachableException}
 * is repeated up to {@link TransportOptions#connectAttempts()} times, waiting
 * {@link TransportOptions#retryBackoff()} before the second attempt and twice as long before each
 * further one. Every other failure (host key, authentication, algorithms) ends the connect at once:
 * a refused key is refused again, and repeating credentials risks a lockout.
 */
public final class ConnectRetry {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectRetry.class);
    private static final int MAX_DOUBLINGS = 16;

    /** Waits between attempts; {@link Thread#sleep(long)} outside tests. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final int attempts;
    private final Duration firstWait;
    private final Pause pause;

    public ConnectRetry(int attempts, Duration firstWait, Pause pause) {
        this.attempts = Math.max(1, attempts);
        this.firstWait = Objects.requireNonNull(firstWait, "firstWait");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    /** The policy the options ask for, sleeping the calling thread between attempts. */
    public static ConnectRetry of(TransportOptions options) {
        return new ConnectRetry(options.connectAttempts(), options.retryBackoff(), d -> Thread.sleep(d.toMillis()));
    }

    /** How long to wait before attempt number {@code attempt} (2 or more). */
    public Duration waitBefore(int attempt) {
        return firstWait.multipliedBy(1L << Math.min(Math.max(0, attempt - 2), MAX_DOUBLINGS));
    }

    /**
     * Runs {@code attempt} until it returns or fails with something other than {@link UnreachableException}.
     *
     * @param host the inventory name of the host, for messages
     * @return what the first successful attempt returned
     * @throws UnreachableException naming the last failure and the number of attempts, once all are spent
     */
    public <T> T connect(String host, Supplier<T> attempt) {
        UnreachableException last = null;
        for (int n = 1; n <= attempts; n++) {
            if (last != null) {
                Duration wait = waitBefore(n);
                LOG.info("{}: connection attempt {} of {} in {} ms ({})", host, n, attempts, wait.toMillis(), last.getMessage());
                sleep(host, wait);
            }
            try {
                return attempt.get();
            } catch (UnreachableException e) {
                last = e;
            }
        }
        throw new UnreachableException(host, detail(host, last) + " (" + attempts + " attempt(s))", last);
    }

    private void sleep(String host, Duration wait) {
        try {
            pause.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(host, "interrupted while waiting to retry the connection", e);
        }
    }

    /** The last failure's message without the "host: " prefix every transport exception carries. */
    private static String detail(String host, UnreachableException e) {
        String message = String.valueOf(e.getMessage());
        return message.startsWith(host + ": ") ? message.substring(host.length() + 2) : message;
    }
}
