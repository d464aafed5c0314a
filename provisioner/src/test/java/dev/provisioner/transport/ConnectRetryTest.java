package dev.provisioner.transport;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectRetryTest {
    private final List<Duration> waits = new ArrayList<>();
    private final ConnectRetry retry = new ConnectRetry(4, Duration.ofMillis(100), waits::add);

    @Test
    void anUnreachableHostIsRetriedWithDoublingWaitsThenReportedWithTheLastError() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.connect("node01", () -> {
            throw new UnreachableException("node01", "cannot connect to 10.0.0.5:22: refused #" + calls.incrementAndGet());
        }))
                .isInstanceOf(UnreachableException.class)
                .hasMessage("node01: cannot connect to 10.0.0.5:22: refused #4 (4 attempt(s))");
        assertThat(calls).hasValue(4);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void aLaterSuccessEndsTheRetries() {
        AtomicInteger calls = new AtomicInteger();
        String result = retry.connect("node01", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new UnreachableException("node01", "timed out");
            }
            return "connected";
        });
        assertThat(result).isEqualTo("connected");
        assertThat(waits).hasSize(2);
    }

    @Test
    void authenticationAndHostKeyFailuresAreNeverRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.connect("node01", () -> {
            calls.incrementAndGet();
            throw new AuthenticationException("node01", "user 'admin' was refused");
        })).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> retry.connect("node01", () -> {
            calls.incrementAndGet();
            throw new HostKeyException("node01", "host key refused");
        })).isInstanceOf(HostKeyException.class);
        assertThat(calls).hasValue(2);
        assertThat(waits).isEmpty();
    }

    @Test
    void theWaitStopsDoublingSoAHugeAttemptCountCannotOverflow() {
        assertThat(retry.waitBefore(2)).isEqualTo(Duration.ofMillis(100));
        assertThat(retry.waitBefore(1000)).isEqualTo(Duration.ofMillis(100L << 16));
    }

    @Test
    void anInterruptedWaitStopsRetryingAndKeepsTheInterrupt() {
        ConnectRetry interrupted = new ConnectRetry(3, Duration.ofMillis(1), d -> {
            throw new InterruptedException();
        });
        try {
            assertThatThrownBy(() -> interrupted.connect("node01", () -> {
                throw new UnreachableException("node01", "refused");
            })).isInstanceOf(TransportException.class).hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
