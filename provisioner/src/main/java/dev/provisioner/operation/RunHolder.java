package dev.provisioner.operation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How a run names itself in a host's run lock: run id, user@controller, process id, start time. */
final class RunHolder {
    private RunHolder() {
    }

    static String describe(String runId) {
        return describeAs("run " + runId);
    }

    /** {@code activity} ("reset") with user@controller, process id and start time. */
    static String describeAs(String activity) {
        return activity + " by " + System.getProperty("user.name", "unknown") + "@" + controller()
                + " (pid " + ProcessHandle.current().pid() + ") since " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The controller's host name without a DNS lookup (which can stall for seconds). */
    private static String controller() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            return "unknown-host";
        }
    }
}
