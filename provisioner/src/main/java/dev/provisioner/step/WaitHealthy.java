package dev.provisioner.step;

import java.time.Duration;

/**
 * Wait until a probe succeeds, polling once a second; fails after {@code timeout} with an error that
 * names the probe.
 *
 * @param probe   what is probed, in words ("GET http://127.0.0.1:5000/v2/ answers 200 or 401")
 * @param script  shell lines that exit 0 when healthy
 * @param timeout how long to wait
 */
public record WaitHealthy(String probe, String script, Duration timeout) implements Action {
    @Override
    public String describe() {
        return "wait until " + probe + " (up to " + timeout.toSeconds() + "s)";
    }

    @Override
    public Stage stage() {
        return Stage.HEALTH;
    }
}
