package dev.provisioner.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FitTest {
    private static final List<Double> NS = List.of(1.0, 5.0, 10.0, 20.0, 40.0);

    @Test
    void aStraightLineGivesItsInterceptAndSlope() {
        Fit fit = Fit.of(NS, NS.stream().map(n -> 2 + 0.5 * n).toList());
        assertThat(fit.intercept()).isCloseTo(2.0, within(1e-9));
        assertThat(fit.slope()).isCloseTo(0.5, within(1e-9));
        assertThat(fit.exponent()).isLessThan(1.0);
    }

    @Test
    void aPowerLawGivesItsExponent() {
        Fit sqrt = Fit.of(NS, NS.stream().map(n -> 3 * Math.sqrt(n)).toList());
        assertThat(sqrt.exponent()).isCloseTo(0.5, within(1e-9));
        Fit linear = Fit.of(NS, NS.stream().map(n -> 0.25 * n).toList());
        assertThat(linear.exponent()).isCloseTo(1.0, within(1e-9));
        assertThat(linear.intercept()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void oneHostCountCannotBeFitted() {
        assertThat(Fit.of(List.of(5.0, 5.0), List.of(1.0, 2.0)).defined()).isFalse();
        assertThat(Fit.of(List.of(5.0), List.of(1.0)).defined()).isFalse();
    }

    @Test
    void aZeroTimeLeavesTheExponentUndefinedButNotTheLine() {
        Fit fit = Fit.of(List.of(1.0, 2.0), List.of(0.0, 1.0));
        assertThat(fit.slope()).isCloseTo(1.0, within(1e-9));
        assertThat(fit.exponent()).isNaN();
    }
}
