package dev.provisioner.transport.jsch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Small helpers over SSH public-key blobs: their type name and OpenSSH-style SHA-256 fingerprint. */
final class HostKeys {
    private HostKeys() {
    }

    /** {@code SHA256:} followed by the unpadded base64 of the blob's SHA-256, as {@code ssh-keygen -l} prints it. */
    static String fingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The key type written at the start of the blob ({@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, ...). */
    static String type(byte[] blob) {
        if (blob.length < 4) {
            return "unknown";
        }
        int len = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
        if (len <= 0 || len > blob.length - 4) {
            return "unknown";
        }
        return new String(blob, 4, len, StandardCharsets.US_ASCII);
    }
}
