package dev.provisioner.transport.jsch;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.JSchException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Small helpers over SSH public-key blobs and JSch's {@link HostKey}s: type names and SHA-256 fingerprints. */
final class HostKeys {
    private HostKeys() {
    }

    /**
     * {@code SHA256:} followed by the unpadded base64 of the blob's SHA-256, as {@code ssh-keygen -l}
     * prints it. Computed here rather than by {@link HostKey#getFingerPrint}, whose hash follows
     * JSch's JVM-wide {@code FingerprintHash} setting, so the format cannot change under us.
     */
    static String fingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** {@code type SHA256:...} of a known_hosts entry as JSch parsed it. */
    static String describe(HostKey known) {
        return known.getType() + " " + fingerprint(blob(known));
    }

    /** The key blob of a parsed entry (JSch exposes it base64-encoded only). */
    static byte[] blob(HostKey known) {
        return Base64.getDecoder().decode(known.getKey());
    }

    /** The key type JSch reads from the blob ({@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, ...), or "unknown". */
    static String type(byte[] blob) {
        try {
            return new HostKey("", HostKey.GUESS, blob).getType();
        } catch (JSchException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The known_hosts line OpenSSH would write for {@code host} (plain, not hashed), without newline. */
    static String entryLine(String host, byte[] blob) throws JSchException {
        HostKey key = new HostKey(host, HostKey.GUESS, blob);
        return key.getHost() + " " + key.getType() + " " + key.getKey();
    }
}
