package dev.provisioner.step;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnifiedDiffTest {
    @Test
    void equalTextsHaveNoDiff() {
        assertThat(UnifiedDiff.of("/f", "a\nb\n", "a\nb\n")).isEmpty();
    }

    @Test
    void oneChangedLineWithContext() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String after = "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n";
        assertThat(UnifiedDiff.of("/etc/x", before, after)).isEqualTo("""
                --- /etc/x
                +++ /etc/x
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +FIVE
                 6
                 7
                 8
                """);
    }

    @Test
    void newFileDiffsAgainstDevNull() {
        assertThat(UnifiedDiff.of("/etc/new", "", "a\nb\n")).isEqualTo("""
                --- /dev/null
                +++ /etc/new
                @@ -0,0 +1,2 @@
                +a
                +b
                """);
    }

    @Test
    void distantChangesMakeTwoHunks() {
        StringBuilder a = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            a.append(i).append('\n');
        }
        String b = a.toString().replace("\n3\n", "\nthree\n").replace("\n27\n", "\ntwenty-seven\n");
        String d = UnifiedDiff.of("/f", a.toString(), b);
        assertThat(d.lines().filter(l -> l.startsWith("@@")).count()).isEqualTo(2);
        assertThat(d).contains("-3\n+three\n").contains("-27\n+twenty-seven\n");
    }

    @Test
    void emptyingAFileDiffsToAnEmptyRangeAtZero() {
        assertThat(UnifiedDiff.of("/etc/old", "a\nb\n", "")).isEqualTo("""
                --- /etc/old
                +++ /etc/old
                @@ -1,2 +0,0 @@
                -a
                -b
                """);
    }

    @Test
    void aMissingFinalNewlineIsMarkedAsDiffDoes() {
        assertThat(UnifiedDiff.of("/f", "a\nb", "a\nb\n")).isEqualTo("""
                --- /f
                +++ /f
                @@ -1,2 +1,2 @@
                 a
                -b
                \\ No newline at end of file
                +b
                """);
    }

    @Test
    void aLargeFileWithOneChangeIsDiffedInFull() {
        StringBuilder a = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            a.append("line ").append(i).append('\n');
        }
        String b = a.toString().replace("line 10000\n", "changed\n");
        assertThat(UnifiedDiff.of("/big", a.toString(), b)).contains("@@ -9998,7 +9998,7 @@\n").contains("-line 10000\n+changed\n");
    }
}
