package dev.provisioner.pki;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Subject alternative names from inventory text: IP literals (bracketed or not) and lower-cased DNS names. */
class SanTest {
    @Test
    void anIpLiteralIsAnIpSanNormalised() {
        assertThat(San.of(" 10.4.4.4 ")).isEqualTo(new San(San.Kind.IP, "10.4.4.4"));
        assertThat(San.of("[fe80::1]")).isEqualTo(new San(San.Kind.IP, "fe80:0:0:0:0:0:0:1"));
        assertThat(San.of("[10.4.4.8]")).hasToString("IP:10.4.4.8");
        assertThat(San.of("fe80:0::1")).isEqualTo(San.ip("fe80::1"));
    }

    @Test
    void anythingElseIsALowerCasedDnsSanBracketsOnlyStrippedInPairs() {
        assertThat(San.of("K8s-Master-2.Example.NET")).hasToString("DNS:k8s-master-2.example.net");
        assertThat(San.of("[abc")).isEqualTo(new San(San.Kind.DNS, "[abc"));
        assertThat(San.of("abc]")).isEqualTo(new San(San.Kind.DNS, "abc]"));
        assertThat(San.of("[Host]")).isEqualTo(San.dns("host"));
    }

    @Test
    void anEmptyNameIsRefused() {
        assertThatThrownBy(() -> San.of("  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("empty subject alternative name");
        assertThatThrownBy(() -> San.of("[]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("empty subject alternative name");
    }

    @Test
    void dnsNamesSortBeforeIpsThenByValue() {
        assertThat(San.dns("b").compareTo(San.ip("10.0.0.1"))).isNegative();
        assertThat(San.dns("a").compareTo(San.dns("b"))).isNegative();
        assertThat(San.ip("10.0.0.2").compareTo(San.ip("10.0.0.1"))).isPositive();
    }
}
