package dev.provisioner.testsupport;

import org.junit.jupiter.api.function.Executable;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The time bound of one fuzz input. Replaying committed inputs ({@code mvn verify}), each must finish
 * within {@link #LIMIT}; while fuzzing ({@code JAZZER_FUZZ} set) Jazzer's own per-input timeout
 * applies instead (a JUnit timeout there would stop the whole fuzzing run).
 */
public final class FuzzBounds {
    public static final Duration LIMIT = Duration.ofSeconds(10);

    private FuzzBounds() {
    }

    public static void within(Executable body) {
        String fuzzing = System.getenv("JAZZER_FUZZ");
        if (fuzzing == null || fuzzing.isEmpty()) {
            assertTimeoutPreemptively(LIMIT, body);
        } else {
            try {
                body.execute();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }
}
