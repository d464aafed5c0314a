package dev.provisioner.ops.reset;

import dev.provisioner.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** reset without --yes and without a terminal refuses before contacting any host; the script's output is read back. */
class ResetCommandTest {
    @TempDir
    Path dir;

    @Test
    void withoutATerminalAndWithoutYesNothingIsContacted() throws Exception {
        Path inv = dir.resolve("inv.yaml");
        // 192.0.2.x (TEST-NET-1) is never routed: a contacted host would fail with "unreachable", not with this refusal.
        Files.writeString(inv, """
                hosts:
                  - name: node01
                    address: 192.0.2.10
                    roles: [master, node]
                    user: root
                    auth: {keyFile: /nonexistent/key}
                cluster:
                  name: resettest
                  registry: {enabled: false}
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        long t = System.nanoTime();
        int code = cl.execute("reset", "-i", inv.toString());
        assertThat(code).as(out + "\n" + err).isEqualTo(1);
        assertThat(err.toString()).contains("stdin is not a terminal").contains("nothing was changed").contains("--yes")
                .contains("installed on node01;");
        assertThat((System.nanoTime() - t) / 1_000_000).as("ms: no connection attempt").isLessThan(5_000);
    }

    @Test
    void theScriptsReportLinesAreWhatTheHostRemoved() {
        assertThat(HostReset.parse("noise\nreset: stopped etcd.service\nreset: purged etcd-server\n"))
                .containsExactly("stopped etcd.service", "purged etcd-server");
        assertThat(ResetScript.build()).contains("/var/lib/provisioner/manifest").contains("# BEGIN provisioner managed block");
    }
}
