package dev.provisioner.pki;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What a {@link ClusterPki} reports without issuing: its options, where it keeps its files, the status of an empty state. */
class ClusterPkiBasicsTest {
    @TempDir
    Path state;

    @Test
    void aPkiKeepsTheOptionsItWasGiven() {
        PkiOptions options = PkiOptions.defaults().withCaValidity(Duration.ofDays(900));
        assertThat(ClusterPki.with(options).options()).isSameAs(options);
        assertThat(ClusterPki.standard().options()).isEqualTo(PkiOptions.defaults());
    }

    @Test
    void theFilesLiveInThePkiFolderOfTheStateDirectory() {
        assertThat(ClusterPki.pkiDirectory(state)).isEqualTo(state.resolve("pki"));
    }

    @Test
    void aStateDirectoryWithoutAPkiFolderHasNoCertificatesAndNoRotation() {
        assertThat(ClusterPki.standard().status(state)).isEmpty();
        assertThat(ClusterPki.standard().status(state.resolve("never-created"))).isEmpty();
        assertThat(ClusterPki.standard().caRotation(state)).isEmpty();
        assertThat(state.resolve("pki")).doesNotExist();
    }
}
