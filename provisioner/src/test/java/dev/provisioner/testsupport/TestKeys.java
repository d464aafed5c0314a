package dev.provisioner.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SSH client keys for tests, made with OpenSSH's own ssh-keygen so they are exactly what users
 * have: an ed25519 key without passphrase, an ecdsa key with a passphrase, and an rsa key.
 */
public record TestKeys(Path dir, Path ed25519, Path ecdsa, String ecdsaPassphrase, Path rsa) {

    public static TestKeys generate(Path dir) {
        try {
            Files.createDirectories(dir);
            String passphrase = "lab-keypass-" + Long.toHexString(System.nanoTime());
            Path ed = keygen(dir, "id_ed25519", "ed25519", "");
            Path ec = keygen(dir, "id_ecdsa", "ecdsa", passphrase);
            Path rsa = keygen(dir, "id_rsa", "rsa", "");
            return new TestKeys(dir, ed, ec, passphrase, rsa);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create test keys in " + dir, e);
        }
    }

    /** All three public keys, one per line, for authorized_keys. */
    public String authorizedKeys() {
        try {
            return Files.readString(pub(ed25519)) + Files.readString(pub(ecdsa)) + Files.readString(pub(rsa));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path pub(Path key) {
        return key.resolveSibling(key.getFileName() + ".pub");
    }

    private static Path keygen(Path dir, String name, String type, String passphrase) throws IOException {
        Path key = dir.resolve(name);
        Files.deleteIfExists(key);
        Files.deleteIfExists(pub(key));
        List<String> cmd = type.equals("rsa")
                ? List.of("ssh-keygen", "-q", "-t", type, "-b", "3072", "-N", passphrase, "-C", "provisioner-test", "-f", key.toString())
                : List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", "provisioner-test", "-f", key.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("ssh-keygen failed: " + new String(p.getInputStream().readAllBytes()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        return key;
    }
}
