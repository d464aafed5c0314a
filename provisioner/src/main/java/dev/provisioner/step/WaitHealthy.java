package dev.provisioner.step;

import java.time.Duration;
import java.util.List;

/**
 * Wait until a probe succeeds, polling once a second; fails after {@code timeout} with an error that
 * names the probe and ends with the journal tail of the services concerned: {@code units}, plus every
 * unit the same step started or restarted before it in the batch.
 *
 * @param probe   what is probed, in words ("GET http://127.0.0.1:5000/v2/ answers 200 or 401")
 * @param script  shell lines that exit 0 when healthy
 * @param timeout how long to wait
 * @param units   systemd units whose journal tail a timeout shows (may be empty)
 */
public record WaitHealthy(String probe, String script, Duration timeout, List<String> units) implements Action {
    public WaitHealthy {
        units = units == null ? List.of() : List.copyOf(units);
    }

    /** A probe without units of its own (the step's started or restarted units still count). */
    public WaitHealthy(String probe, String script, Duration timeout) {
        this(probe, script, timeout, List.of());
    }

    @Override
    public String describe() {
        return "wait until " + probe + " (up to " + timeout.toSeconds() + "s)";
    }

    @Override
    public Stage stage() {
        return Stage.HEALTH;
    }
}
