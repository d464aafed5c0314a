package dev.provisioner.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChildCpuTest {
    @Test
    void childrenCpuIsCutimePlusCstimeInTicksEvenWithSpacesAndParenthesesInTheName() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 200 0 0 350 40 123 77 20 0 30 0\n";
        assertThat(ChildCpu.parse(stat)).isEqualTo(2.0);
    }

    @Test
    void thisJvmCanReadItsOwnAndItGrowsWhenAChildRan() throws Exception {
        double before = ChildCpu.seconds();
        assertThat(before).isGreaterThanOrEqualTo(0);
        // a child that burns about 0.2 s of CPU; the kernel adds it when Java reaps the child
        Process p = new ProcessBuilder("bash", "-c", "i=0; while ((i < 200000)); do ((i++)); done").start();
        assertThat(p.waitFor()).isZero();
        assertThat(ChildCpu.seconds()).isGreaterThan(before);
    }
}
