package dev.provisioner.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code docker} command line. The lab uses the CLI rather than a Docker API client so that
 * the library carries no Docker dependency for embedders who never start a lab.
 */
final class DockerCli {
    private final String docker;

    DockerCli(String docker) {
        this.docker = docker;
    }

    /** Output of one docker invocation. */
    record Result(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    Result run(List<String> args) {
        return run(args, null, 120);
    }

    Result run(List<String> args, byte[] stdin, int timeoutSeconds) {
        List<String> cmd = new ArrayList<>();
        cmd.add(docker);
        cmd.addAll(args);
        try {
            Process p = new ProcessBuilder(cmd).start();
            CompletableFuture<byte[]> out = drain(p.getInputStream());
            CompletableFuture<byte[]> err = drain(p.getErrorStream());
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new LabException("docker " + String.join(" ", args) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LabException("cannot run '" + docker + "': " + e.getMessage()
                    + " (install a Docker engine; on Debian/Ubuntu lab/ensure-docker.sh does it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while running docker", e);
        }
    }

    Result runOk(List<String> args) {
        Result r = run(args);
        if (!r.ok()) {
            throw new LabException("docker " + String.join(" ", args) + " failed (" + r.exitCode() + "): " + r.stderr().strip());
        }
        return r;
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                in.transferTo(buf);
                return buf.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
