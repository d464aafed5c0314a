package dev.provisioner.pki;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One line of an ensure's report: {@code name: outcome (detail)}. */
class PkiChangeTest {
    @Test
    void theDetailIsShownInParenthesesOnlyWhenThereIsOne() {
        assertThat(new PkiChange("apiserver", PkiChange.Outcome.REISSUED, "SANs changed: +DNS:master2").format())
                .isEqualTo("apiserver: reissued (SANs changed: +DNS:master2)");
        assertThat(new PkiChange("ca", PkiChange.Outcome.CREATED, null).format()).isEqualTo("ca: created");
        assertThat(new PkiChange("sa", PkiChange.Outcome.REUSED, "").format()).isEqualTo("sa: reused");
    }
}
