package dev.provisioner.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real command line ({@code dev.provisioner.cli.Main}, its {@code main} with its logging
 * setup and {@code System.exit}) in a JVM of its own, on this test's classpath, and captures all of
 * its stdout and stderr: the console output, the libraries' logging and any stack trace.
 */
record CliProcess(List<String> args, int exitCode, String out, String err) {

    static CliProcess run(Path workDir, Map<String, String> env, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.provisioner.cli.Main"));
        cmd.addAll(Arrays.asList(args));
        try {
            Path stdout = Files.createTempFile(workDir, "cli-", ".out");
            Path stderr = Files.createTempFile(workDir, "cli-", ".err");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("the CLI did not finish within 15 minutes: " + Arrays.toString(args));
            }
            return new CliProcess(List.of(args), p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the CLI " + Arrays.toString(args), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Both streams, labelled, for assertion messages and the leak search. */
    String both() {
        return "$ provisioner " + String.join(" ", args) + " (exit " + exitCode + ")\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
