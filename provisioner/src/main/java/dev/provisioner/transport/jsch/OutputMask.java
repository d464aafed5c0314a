package dev.provisioner.transport.jsch;

import dev.provisioner.transport.SecretMasker;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Masks registered secrets in captured command output. Bytes are only rewritten where a secret
 * occurs, so binary output without one comes back exactly as the command produced it.
 */
final class OutputMask {
    private OutputMask() {
    }

    static byte[] mask(SecretMasker masker, byte[] bytes) {
        if (bytes.length == 0) {
            return bytes;
        }
        // ISO-8859-1 maps every byte to one char and back, so ASCII secrets are found in any data.
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        String maskedLatin = masker.mask(latin);
        byte[] out = maskedLatin.equals(latin) ? bytes : maskedLatin.getBytes(StandardCharsets.ISO_8859_1);
        // Secrets with non-ASCII characters are found in output that is valid UTF-8.
        String utf8 = new String(out, StandardCharsets.UTF_8);
        byte[] roundTrip = utf8.getBytes(StandardCharsets.UTF_8);
        if (Arrays.equals(roundTrip, out)) {
            String maskedUtf8 = masker.mask(utf8);
            if (!maskedUtf8.equals(utf8)) {
                out = maskedUtf8.getBytes(StandardCharsets.UTF_8);
            }
        }
        return out;
    }
}
