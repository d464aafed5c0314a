package dev.provisioner.cis;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** kube-bench semantics: bitmask, compare operations, substring flag search, env lookups. */
class SemanticsTest {

    @Test
    void bitmaskAllowsOnlyBitsInsideTheMask() {
        assertThat(Bitmask.within(0600, 0600)).isTrue();
        assertThat(Bitmask.within(0400, 0600)).isTrue();
        assertThat(Bitmask.within(0000, 0600)).isTrue();
        assertThat(Bitmask.within(0644, 0600)).isFalse();
        assertThat(Bitmask.within(0700, 0600)).isFalse();
        assertThat(Bitmask.within(0644, 0644)).isTrue();
        assertThat(Bitmask.within(0640, 0644)).isTrue();
        assertThat(Bitmask.within(0664, 0644)).isFalse();
        assertThat(Bitmask.within(0700, 0700)).isTrue();
        assertThat(Bitmask.within(04700, 0700)).as("setuid is a bit outside 700").isFalse();
        assertThat(CompareOp.test("bitmask", "600", "600")).isTrue();
        assertThat(CompareOp.test("bitmask", "644", "600")).isFalse();
        assertThat(CompareOp.test("bitmask", "rw", "600")).isFalse();
    }

    @Test
    void eqComparesBooleansCaseInsensitivelyAndOtherValuesExactly() {
        assertThat(CompareOp.test("eq", "False", "false")).isTrue();
        assertThat(CompareOp.test("eq", "TRUE", "true")).isTrue();
        assertThat(CompareOp.test("eq", "127.0.0.1", "127.0.0.1")).isTrue();
        assertThat(CompareOp.test("eq", "0", "0")).isTrue();
        assertThat(CompareOp.test("noteq", "false", "false")).isFalse();
        assertThat(CompareOp.test("noteq", "4h0m0s", "0")).isTrue();
    }

    @Test
    void numericComparisonsFailOnNonNumbers() {
        assertThat(CompareOp.test("gte", "30", "30")).isTrue();
        assertThat(CompareOp.test("gte", " 31 ", "30")).isTrue();
        assertThat(CompareOp.test("gte", "7", "30")).isFalse();
        assertThat(CompareOp.test("gte", "30d", "30")).isFalse();
        assertThat(CompareOp.test("gte", "-1", "0")).isFalse();
    }

    @Test
    void hasAndValidElementsAreSubstringAndSubset() {
        assertThat(CompareOp.test("has", "Node,RBAC", "Node")).isTrue();
        assertThat(CompareOp.test("nothave", "Node,RBAC", "AlwaysAllow")).isTrue();
        assertThat(CompareOp.test("valid_elements", "A,B,", "A,B,C")).isTrue();
        assertThat(CompareOp.test("valid_elements", "A,D", "A,B,C")).isFalse();
        assertThat(CompareOp.test("valid_elements", "", "A")).isFalse();
    }

    @Test
    void kubeBenchFindsFlagsAsSubstringsTheExactReadingDoesNot() {
        List<String> argv = List.of("/bin/kube-apiserver", "--profiling-extra=1", "--peer-cert-file=/p.crt",
                "--audit-log-maxage=7", "--audit-log-maxage=30");
        assertThat(FlagReading.KUBE_BENCH.flag(argv, "--profiling", true)).as("prefix of a longer flag")
                .isEqualTo(Lookup.of("-extra=1"));
        assertThat(FlagReading.EXACT.flag(argv, "--profiling", true)).isEqualTo(Lookup.NONE);
        assertThat(FlagReading.KUBE_BENCH.flag(argv, "--cert-file", false)).as("needs both dashes").isEqualTo(Lookup.NONE);
        assertThat(FlagReading.KUBE_BENCH.flag(argv, "--audit-log-maxage", true)).as("first occurrence")
                .isEqualTo(Lookup.of("7"));
        assertThat(FlagReading.EXACT.flag(argv, "--audit-log-maxage", true)).as("last one wins, as pflag")
                .isEqualTo(Lookup.of("30"));
    }

    @Test
    void featureGatesAreFoundInsideFeatureGatesByBothReadings() {
        List<String> argv = List.of("/bin/kubelet", "--feature-gates=A=true,RotateKubeletServerCertificate=false");
        assertThat(FlagReading.EXACT.flag(argv, "RotateKubeletServerCertificate", true)).isEqualTo(Lookup.of("false"));
        assertThat(FlagReading.KUBE_BENCH.flag(argv, "RotateKubeletServerCertificate", true).value()).isEqualTo("false");
    }

    @Test
    void environmentLookups() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ETCD_PEER_CERT_FILE", "/p");
        env.put("ETCD_EMPTY", "");
        assertThat(FlagReading.KUBE_BENCH.env(env, "ETCD_CERT_FILE")).isEqualTo(Lookup.NONE);
        assertThat(FlagReading.EXACT.env(env, "ETCD_PEER_CERT_FILE")).isEqualTo(Lookup.of("/p"));
        assertThat(FlagReading.KUBE_BENCH.env(env, "ETCD_PEER_CERT_FILE")).isEqualTo(Lookup.of("/p"));
        assertThat(FlagReading.EXACT.env(env, "ETCD_EMPTY")).isEqualTo(Lookup.NONE);
        assertThat(FlagReading.KUBE_BENCH.env(env, "ETCD_EMPTY")).isEqualTo(Lookup.NONE);
    }

    @Test
    void configLookupsPrintValuesAsGoJsonpathDoes() {
        ConfigDocument doc = ConfigDocument.parse("/c.yaml", """
                a: {b: {c: false}}
                port: 0
                qps: 5.0
                half: 0.5
                timeout: 4h0m0s
                when: 2001-12-14
                list: [X, Y]
                """);
        assertThat(doc.lookup(ConfigPath.parse("{.a.b.c}"))).hasValue("false");
        assertThat(doc.lookup(ConfigPath.parse("{.port}"))).hasValue("0");
        assertThat(doc.lookup(ConfigPath.parse("{.qps}"))).hasValue("5");
        assertThat(doc.lookup(ConfigPath.parse("{.half}"))).hasValue("0.5");
        assertThat(doc.lookup(ConfigPath.parse("{.timeout}"))).hasValue("4h0m0s");
        assertThat(doc.lookup(ConfigPath.parse("{.when}"))).as("timestamps stay text").hasValue("2001-12-14");
        assertThat(doc.lookup(ConfigPath.parse("{range .list[:]}{}{','}{end}"))).hasValue("X,Y,");
        assertThat(doc.lookup(ConfigPath.parse("{.a.missing}"))).isEmpty();
        assertThat(ConfigDocument.parse("/bad", "a: [").usable()).isFalse();
    }
}
