package dev.provisioner.lab;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code lab up --os}: the OS picks the image (and the suite build-image.sh builds it from) unless another image was chosen. */
class LabOsTest {
    @Test
    void theOsChoosesItsImageAndSuite() {
        LabSettings checkout = LabSettings.inCheckout(Path.of("/src/provisioner"));
        assertThat(checkout.os()).isEqualTo(LabOs.BOOKWORM);
        assertThat(checkout.image()).isEqualTo("provisioner-lab:bookworm");
        LabSettings trixie = checkout.withOs(LabOs.parse("Trixie"));
        assertThat(trixie.image()).isEqualTo("provisioner-lab:trixie");
        assertThat(trixie.os().suite()).isEqualTo("trixie");
        assertThat(trixie.os().release()).isEqualTo("Debian 13");
        assertThat(trixie.inventory()).isEqualTo(checkout.inventory());
        assertThat(checkout.withOs(null)).isSameAs(checkout);
    }

    @Test
    void anImageChosenByHandIsKeptAndBuiltFromTheChosenSuite() {
        LabSettings own = new LabSettings("lab", "mylab:13", Path.of("/s"), Path.of("/i.yaml"), null, "docker").withOs(LabOs.TRIXIE);
        assertThat(own.image()).isEqualTo("mylab:13");
        assertThat(own.os()).isEqualTo(LabOs.TRIXIE);
    }

    @Test
    void anUnknownOsNamesTheAcceptedOnes() {
        assertThatThrownBy(() -> LabOs.parse("jessie")).hasMessage("unknown lab OS 'jessie': use one of bookworm, trixie");
    }
}
