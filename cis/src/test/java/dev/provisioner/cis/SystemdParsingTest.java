package dev.provisioner.cis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** ExecStart, Environment= and EnvironmentFile= parsing, as systemd does it. */
class SystemdParsingTest {

    private static RenderedHost host(RenderedFile... files) {
        return new RenderedHost("h", Set.of(), List.of(files));
    }

    private static RenderedFile unit(String text) {
        return RenderedFile.file("/etc/systemd/system/x.service", text, 0600, "root", "root");
    }

    @Test
    void backslashContinuationsJoinLinesAndSkipCommentLinesInside() {
        UnitFile u = UnitFile.parse("""
                [Service]
                ExecStart=/usr/bin/x \\
                  --a=1 \\
                # a comment inside the continuation
                  --b=2
                Restart=always
                """);
        assertThat(u.values("Service", "ExecStart")).containsExactly("/usr/bin/x  --a=1  --b=2");
        assertThat(u.values("Service", "Restart")).containsExactly("always");
        assertThat(SystemdWords.command(u.values("Service", "ExecStart").get(0), Map.of()))
                .containsExactly("/usr/bin/x", "--a=1", "--b=2");
    }

    @Test
    void quotesGroupWordsAnywhereAndEscapesResolve() {
        assertThat(SystemdWords.command("/bin/x \"--name=a b\" '--single=c d' --e=\"f g\" --h=i\\ j", Map.of()))
                .containsExactly("/bin/x", "--name=a b", "--single=c d", "--e=f g", "--h=i j");
    }

    @Test
    void bareVariablesSplitAndBracedVariablesStayOneWord() {
        Map<String, String> env = Map.of("ARGS", "--a=1   --b=2", "ONE", "x y", "EMPTY", "");
        assertThat(SystemdWords.command("/bin/x $ARGS ${ONE} --c=${ONE} $EMPTY $$HOME $UNSET", env))
                .containsExactly("/bin/x", "--a=1", "--b=2", "x y", "--c=x y", "$HOME");
    }

    @Test
    void commandPrefixesAreRemovedAndTheArgv0OverrideDropped() {
        assertThat(SystemdWords.command("-/bin/x --a", Map.of())).containsExactly("/bin/x", "--a");
        assertThat(SystemdWords.command("@/bin/x name --a", Map.of())).containsExactly("/bin/x", "--a");
        assertThat(SystemdWords.command("+!/bin/x", Map.of())).containsExactly("/bin/x");
    }

    @Test
    void flagValueAndFlagEqualsValueReadTheSame() {
        List<String> argv = SystemdWords.command("/bin/x --a value --b=other --bool --c", Map.of());
        assertThat(FlagReading.EXACT.flag(argv, "--a", true)).isEqualTo(Lookup.of("value"));
        assertThat(FlagReading.EXACT.flag(argv, "--b", true)).isEqualTo(Lookup.of("other"));
        assertThat(FlagReading.EXACT.flag(argv, "--bool", true)).isEqualTo(Lookup.of("true"));
        assertThat(FlagReading.EXACT.flag(argv, "--c", true)).isEqualTo(Lookup.of("true"));
        assertThat(FlagReading.KUBE_BENCH.flag(argv, "--a", true)).isEqualTo(Lookup.of("value"));
        assertThat(FlagReading.KUBE_BENCH.flag(argv, "--b", true)).isEqualTo(Lookup.of("other"));
        assertThat(FlagReading.KUBE_BENCH.flag(argv, "--bool", true)).isEqualTo(Lookup.of("true"));
        assertThat(FlagReading.KUBE_BENCH.flag(argv, "--missing", true)).isEqualTo(Lookup.NONE);
    }

    @Test
    void environmentFilesFollowSystemdQuotingAndLaterAssignmentsWin() {
        Map<String, String> env = EnvironmentFile.parse("""
                # comment
                ; another comment
                A=plain value   \s
                B="double \\"quoted\\" $x"
                C='single $literal'
                  D = spaced
                E=one\\
                two
                A=again
                NOEQUALS
                """);
        assertThat(env).containsEntry("A", "again").containsEntry("B", "double \"quoted\" $x")
                .containsEntry("C", "single $literal").containsEntry("D", "spaced").containsEntry("E", "onetwo")
                .doesNotContainKey("NOEQUALS");
    }

    @Test
    void serviceReadsEnvironmentFilesAndExpandsThemInExecStart() {
        RenderedHost h = host(unit("""
                [Service]
                Environment="LEVEL=--v=2" OTHER=x
                EnvironmentFile=/etc/x.env
                EnvironmentFile=-/etc/optional.env
                ExecStart=/bin/x $ARGS ${LEVEL}
                """), RenderedFile.file("/etc/x.env", "ARGS=\"--a=1 --b=2\"\nOTHER=from-file\n", 0600, "root", "root"));
        ServiceView s = ServiceView.resolve(h, "/etc/systemd/system/x.service");
        assertThat(s.problems()).isEmpty();
        assertThat(s.argv()).containsExactly("/bin/x", "--a=1", "--b=2", "--v=2");
        assertThat(s.env()).containsEntry("OTHER", "from-file");
        assertThat(s.envOrigin()).containsEntry("ARGS", "EnvironmentFile /etc/x.env");
        assertThat(s.specFiles()).extracting(RenderedFile::path)
                .containsExactly("/etc/systemd/system/x.service", "/etc/x.env");
    }

    @Test
    void aMissingRequiredEnvironmentFileIsAProblem() {
        ServiceView s = ServiceView.resolve(host(unit("[Service]\nEnvironmentFile=/etc/none\nExecStart=/bin/x\n")),
                "/etc/systemd/system/x.service");
        assertThat(s.problems()).singleElement().asString().contains("EnvironmentFile /etc/none of").contains("is not rendered");
    }

    @Test
    void dropInsOverrideExecStartAfterAnEmptyReset() {
        RenderedHost h = host(unit("[Service]\nExecStart=/bin/x --old\n"),
                RenderedFile.file("/etc/systemd/system/x.service.d/10-override.conf",
                        "[Service]\nExecStart=\nExecStart=/bin/x --new\n", 0600, "root", "root"));
        ServiceView s = ServiceView.resolve(h, "/etc/systemd/system/x.service");
        assertThat(s.argv()).containsExactly("/bin/x", "--new");
        assertThat(s.problems()).isEmpty();
        assertThat(s.specFiles()).hasSize(2);
    }

    @Test
    void underscoresInFlagNamesAreNormalisedByTheExactReading() {
        List<String> argv = List.of("/bin/kube-apiserver", "--service_account_key_file=/k");
        assertThat(FlagReading.EXACT.flag(argv, "--service-account-key-file", false)).isEqualTo(Lookup.of("/k"));
        assertThat(FlagReading.KUBE_BENCH.flag(argv, "--service-account-key-file", false).found()).isFalse();
    }
}
