package dev.provisioner.transport.sshj;

import net.schmizz.sshj.common.Buffer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;

/** SHA-256 fingerprints in OpenSSH's {@code SHA256:base64-without-padding} form. */
final class Fingerprints {
    private Fingerprints() {
    }

    static String of(PublicKey key) {
        return ofBlob(blob(key));
    }

    /** The SSH wire encoding of a public key, as in known_hosts and authorized_keys. */
    static byte[] blob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }

    static String ofBlob(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * The fingerprint of the key on a known_hosts line ({@code [@marker] hosts type base64 [comment]}),
     * or a placeholder when the line cannot be read.
     */
    static String ofKnownHostsLine(String line) {
        String[] parts = line.trim().split("\\s+");
        int keyAt = parts.length > 0 && parts[0].startsWith("@") ? 3 : 2;
        if (parts.length <= keyAt) {
            return "(unreadable entry)";
        }
        try {
            return ofBlob(Base64.getDecoder().decode(parts[keyAt].getBytes(StandardCharsets.US_ASCII)));
        } catch (IllegalArgumentException e) {
            return "(unreadable entry)";
        }
    }
}
