package dev.provisioner.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/** Test helpers for public-key lines ({@code type base64 [comment]}). */
final class KeyLines {
    private KeyLines() {
    }

    /** OpenSSH's SHA-256 fingerprint of a {@code type base64} line. */
    static String fingerprint(String keyLine) {
        byte[] blob = Base64.getDecoder().decode(keyLine.trim().split("\\s+")[1]);
        try {
            return "SHA256:" + Base64.getEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(blob));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh public key of the given ssh-keygen type, as {@code type base64}, made by ssh-keygen. */
    static String freshKey(String type, Path dir) {
        try {
            Path key = Files.createTempDirectory(dir, "fake").resolve("k");
            Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", type, "-N", "", "-f", key.toString())
                    .redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("ssh-keygen failed: " + new String(p.getInputStream().readAllBytes()));
            }
            String[] parts = Files.readString(key.resolveSibling("k.pub")).trim().split("\\s+");
            return parts[0] + " " + parts[1];
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Hashes every host name of a known_hosts file in place, as {@code ssh-keygen -H} does. */
    static void hash(Path knownHosts) {
        try {
            Process p = new ProcessBuilder("ssh-keygen", "-H", "-f", knownHosts.toString())
                    .redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("ssh-keygen -H failed: " + new String(p.getInputStream().readAllBytes()));
            }
            Files.deleteIfExists(knownHosts.resolveSibling(knownHosts.getFileName() + ".old"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
