package dev.provisioner.artifacts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real files and archives made at test time. */
final class Fixtures {
    private Fixtures() {
    }

    /**
     * A real executable of this machine that still runs when copied elsewhere: {@code ls} (it only needs
     * the system's shared libraries). Run it with {@code /} as argument: exit code 0.
     */
    static Path realBinary() {
        for (String candidate : List.of("/bin/ls", "/usr/bin/ls")) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p) && Files.isRegularFile(p)) {
                return p.toAbsolutePath();
            }
        }
        throw new IllegalStateException("no ls binary on this machine");
    }

    static String sha256(Path file) throws IOException {
        return HashingCopy.hash(file);
    }

    /** Runs {@code tar} with the given arguments in {@code dir}. */
    static void tar(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("tar");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("tar " + args + " failed: " + out);
        }
    }

    /** Runs a program and returns its exit code (output discarded). */
    static int run(Path program, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(program.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /** Appends {@code <hex>  <path>} to {@code dir/SHA256SUMS}. */
    static void listChecksum(Path dir, String hex, String relativePath) throws IOException {
        Files.writeString(dir.resolve("SHA256SUMS"), hex + "  " + relativePath + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Every regular file under {@code root}. */
    static List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (var s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
