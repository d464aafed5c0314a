package dev.provisioner.pki;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A certificate with its key as PEM: copied in and out, compared by content, never printed. */
class CredentialTest {
    private static final byte[] CERT = ascii("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    private static final byte[] KEY = ascii("-----BEGIN PRIVATE KEY-----\nBBBB\n-----END PRIVATE KEY-----\n");

    @Test
    void theCertificateIsReadableAsText() {
        assertThat(new Credential("admin", CERT, KEY).certificateText())
                .isEqualTo("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    }

    @Test
    void thePemsAreCopiedInAndOut() {
        byte[] cert = CERT.clone();
        Credential c = new Credential("admin", cert, KEY);
        cert[0] = 'X';
        c.certificatePem()[1] = 'X';
        c.privateKeyPem()[1] = 'X';
        assertThat(c.certificatePem()).isEqualTo(CERT);
        assertThat(c.privateKeyPem()).isEqualTo(KEY);
    }

    @Test
    void equalByNameAndContent() {
        Credential c = new Credential("admin", CERT, KEY);
        Credential same = new Credential("admin", CERT.clone(), KEY.clone());
        assertThat(c).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(c).isNotEqualTo(new Credential("super-admin", CERT, KEY))
                .isNotEqualTo(new Credential("admin", KEY, KEY))
                .isNotEqualTo(new Credential("admin", CERT, CERT))
                .isNotEqualTo("admin");
        assertThat(c.hashCode()).isNotEqualTo(new Credential("admin", KEY, CERT).hashCode())
                .isNotEqualTo(new Credential("scheduler", CERT, KEY).hashCode());
    }

    @Test
    void printingShowsTheNameButNeverTheKey() {
        Credential c = new Credential("admin", CERT, KEY);
        assertThat(c.toString()).isEqualTo("Credential[admin]");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
