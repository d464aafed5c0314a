package dev.provisioner.bench.reference;

import dev.provisioner.bench.Scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the expert script must have done on a host in each scenario, from its summary line
 * {@code written=N reloaded=0|1 enabled=N restarted=N}: a reference that did less than the
 * workload would be a false floor, so a mismatch stops the benchmark.
 */
public final class ExpertCheck {
    /** Files the first converge writes: /etc/hosts, 6 configs, 2 unit files. */
    public static final int FILES = 9;
    private static final Pattern SUMMARY =
            Pattern.compile("(?m)^written=(\\d+) reloaded=([01]) enabled=(\\d+) restarted=(\\d+)$");

    private ExpertCheck() {
    }

    /** Throws naming {@code host} unless {@code output} shows what {@code scenario} requires. */
    public static void verify(String host, Scenario scenario, String output) {
        Matcher m = SUMMARY.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("expert script on " + host + ": no summary line in its output: " + output);
        }
        int written = Integer.parseInt(m.group(1));
        boolean reloaded = m.group(2).equals("1");
        int enabled = Integer.parseInt(m.group(3));
        int restarted = Integer.parseInt(m.group(4));
        boolean ok = switch (scenario) {
            case FIRST -> written == FILES && reloaded && enabled == 2 && restarted == 2;
            case NOOP, COLD_NOOP -> written == 0 && !reloaded && enabled == 0 && restarted == 0;
            case CHANGED -> written == 1 && !reloaded && enabled == 0 && restarted == 1;
        };
        if (!ok) {
            throw new IllegalStateException("expert script on " + host + ", " + scenario.label() + ": did not do what the"
                    + " scenario requires: " + m.group());
        }
    }
}
