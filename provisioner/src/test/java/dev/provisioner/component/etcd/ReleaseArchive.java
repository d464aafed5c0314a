package dev.provisioner.component.etcd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** Builds an etcd release archive as upstream lays it out, plus the SHA256SUMS an artifacts directory carries. */
final class ReleaseArchive {
    private ReleaseArchive() {
    }

    /** The archive's name for a version on amd64. */
    static String fileName(String version) {
        return "etcd-v" + version + "-linux-amd64.tar.gz";
    }

    /**
     * Writes {@code dir/etcd-v<version>-linux-amd64.tar.gz} holding {@code etcd-v<version>-linux-amd64/<name>} for each
     * binary, and {@code dir/SHA256SUMS} listing it.
     */
    static Path write(Path dir, String version, Map<String, byte[]> binaries) throws IOException, InterruptedException {
        String top = "etcd-v" + version + "-linux-amd64";
        Path work = Files.createTempDirectory(dir, "pack-");
        Files.createDirectories(work.resolve(top));
        for (Map.Entry<String, byte[]> b : binaries.entrySet()) {
            Path f = work.resolve(top).resolve(b.getKey());
            Files.write(f, b.getValue());
            f.toFile().setExecutable(true, false);
        }
        Path archive = dir.resolve(fileName(version));
        Process p = new ProcessBuilder("tar", "-C", work.toString(), "-czf", archive.toString(), top).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("tar failed");
        }
        try (var walk = Files.walk(work)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        }
        Files.writeString(dir.resolve("SHA256SUMS"), sha256(Files.readAllBytes(archive)) + "  " + fileName(version) + "\n");
        return archive;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
