package dev.provisioner.pki;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The modes an ensure puts right on files and folders that were there before it, content untouched. */
class PkiStoreModesTest {
    @TempDir
    Path state;

    @Test
    void aPkiFolderCreatedByTheOperatorIsNarrowedToOwnerOnly() throws IOException {
        Path pki = Files.createDirectory(state.resolve("pki"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(pki, PosixFilePermissions.fromString("rwxr-xr-x"));
        ClusterPki.standard().ensure(PkiFixtures.blog(), state);
        assertThat(mode(pki)).isEqualTo("rwx------");
        assertThat(mode(pki.resolve(".lock"))).isEqualTo("rw-------");
    }

    @Test
    void reusedCertificatesAndThePublicKeyGetMode0644Back() throws IOException {
        ClusterPki.standard().ensure(PkiFixtures.blog(), state);
        Path pki = PkiFixtures.pki(state);
        for (String f : new String[] {"ca.crt", "admin.crt", "sa.pub", "etcd/master/server.crt"}) {
            Files.setPosixFilePermissions(pki.resolve(f), PosixFilePermissions.fromString("rw-rw-rw-"));
        }
        Files.setPosixFilePermissions(pki.resolve("sa.key"), PosixFilePermissions.fromString("rw-r-----"));
        Map<String, String> before = PkiFixtures.snapshot(pki);
        ClusterPki.standard().ensure(PkiFixtures.blog(), state);
        for (String f : new String[] {"ca.crt", "admin.crt", "sa.pub", "etcd/master/server.crt"}) {
            assertThat(mode(pki.resolve(f))).as(f).isEqualTo("rw-r--r--");
        }
        assertThat(mode(pki.resolve("sa.key"))).isEqualTo("rw-------");
        assertThat(PkiFixtures.snapshot(pki)).isEqualTo(before);
    }

    @Test
    void aReissuedLeafKeepsAnOwnerOnlyKeyAndSoDoesTheKeyOfADerivedSaPub() throws IOException {
        ClusterPki.standard().ensure(PkiFixtures.blog(), state);
        Path pki = PkiFixtures.pki(state);
        for (String f : new String[] {"admin.key", "sa.key", "ca.key"}) {
            Files.setPosixFilePermissions(pki.resolve(f), PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.delete(pki.resolve("admin.crt"));
        Files.delete(pki.resolve("sa.pub"));
        PkiBundle again = ClusterPki.standard().ensure(PkiFixtures.blog(), state);
        assertThat(again.changes()).contains(new PkiChange("admin", PkiChange.Outcome.REISSUED, "the certificate was missing"),
                new PkiChange("sa", PkiChange.Outcome.REISSUED, "sa.pub was missing: derived from sa.key"));
        for (String f : new String[] {"admin.key", "sa.key", "ca.key"}) {
            assertThat(mode(pki.resolve(f))).as(f).isEqualTo("rw-------");
        }
        assertThat(mode(pki.resolve("admin.crt"))).isEqualTo("rw-r--r--");
        assertThat(mode(pki.resolve("sa.pub"))).isEqualTo("rw-r--r--");
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
