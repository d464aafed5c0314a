package dev.provisioner.pki;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link PkiBundle#trust}: the rotation's bundle for a CA when there is one, else the CA's own certificate. */
class PkiBundleTrustTest {
    private static final Credential CA = new Credential(PkiNames.CA, ascii("CERT ca\n"), ascii("KEY ca\n"));

    @Test
    void withoutARotationBundleACaIsTrustedByItsOwnCertificate() {
        PkiBundle bundle = new PkiBundle(Path.of("/state/pki"), Map.of(), Map.of(PkiNames.CA, CA), List.of());
        assertThat(bundle.trust(PkiNames.CA)).isEqualTo(ascii("CERT ca\n"));
    }

    @Test
    void aRotationBundleWinsAndIsCopiedOut() {
        PkiBundle bundle = new PkiBundle(Path.of("/state/pki"), Map.of(), Map.of(PkiNames.CA, CA),
                Map.of(PkiNames.CA, ascii("CERT ca\nCERT ca.next\n")), List.of());
        bundle.trust(PkiNames.CA)[0] = 'X';
        assertThat(bundle.trust(PkiNames.CA)).isEqualTo(ascii("CERT ca\nCERT ca.next\n"));
    }

    @Test
    void anUnknownCaIsRefused() {
        PkiBundle bundle = new PkiBundle(Path.of("/state/pki"), Map.of(), Map.of(PkiNames.CA, CA), List.of());
        assertThatThrownBy(() -> bundle.trust("etcd/ca")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no CA etcd/ca in the bundle");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
