package dev.provisioner.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code bin/provisioner apply -i INVENTORY --state DIR --json [--limit HOST]} as a user would
 * (a fresh JVM through the launcher, its class-data sharing archive included) and reads what it did
 * from its {@code Report} line: the counters summed over the hosts and whether any step changed.
 * Exit 0 (done) and 6 (incomplete: only phases whose release files are missing here, such as the
 * Kubernetes binaries) count as success; anything else stops the benchmark.
 */
final class CliApply {
    /** The launcher's exit code for "every phase that could run here completed". */
    static final int INCOMPLETE = 6;
    private static final Pattern ROUND_TRIPS = Pattern.compile("\"roundTrips\":(\\d+)");
    private static final Pattern FILES = Pattern.compile("\"filesWritten\":(\\d+)");
    private static final Pattern RESTARTS = Pattern.compile("\"unitsRestarted\":(\\d+)");

    private CliApply() {
    }

    /** What the Report line says: sums over its hosts, and whether any step's status is "changed". */
    record Outcome(long roundTrips, long filesWritten, long unitsRestarted, boolean changed, int hosts) {
    }

    /** The command line (without the launcher's own JVM). */
    static List<String> command(Path root, Path inventory, Path state, String limit) {
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/provisioner").toString(), "apply",
                "-i", inventory.toString(), "--state", state.toString(), "--json"));
        if (limit != null) {
            command.addAll(List.of("--limit", limit));
        }
        return command;
    }

    /** Runs {@code command}; returns its exit code and standard output (standard error is discarded). */
    static Result run(List<String> command, long timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new BenchException(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new BenchException("cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    /** Exit code and standard output of one CLI run. */
    record Result(int exit, String stdout) {
        boolean succeeded() {
            return exit == 0 || exit == INCOMPLETE;
        }
    }

    /** Reads the {@code Report} line of {@code --json} output; throws when there is none. */
    static Outcome outcome(String stdout) {
        String report = stdout.lines().filter(l -> l.contains("\"event\":\"Report\"")).reduce((a, b) -> b)
                .orElseThrow(() -> new BenchException("no Report line in the CLI's --json output: "
                        + tail(stdout)));
        int hosts = count(Pattern.compile("\"counters\":\\{"), report);
        return new Outcome(sum(ROUND_TRIPS, report), sum(FILES, report), sum(RESTARTS, report),
                report.contains("\"status\":\"changed\""), hosts);
    }

    static String tail(String text) {
        String s = text.strip();
        return s.length() <= 2000 ? s : "..." + s.substring(s.length() - 2000);
    }

    private static long sum(Pattern p, String line) {
        long total = 0;
        Matcher m = p.matcher(line);
        while (m.find()) {
            total += Long.parseLong(m.group(1));
        }
        return total;
    }

    private static int count(Pattern p, String line) {
        int n = 0;
        Matcher m = p.matcher(line);
        while (m.find()) {
            n++;
        }
        return n;
    }
}
