package dev.provisioner.transport;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the wrapper and the kill script with the local shell; setsid stands in for sshd's session. */
class TimedCommandTest {

    @Test
    void theWrapperKeepsOutputAndExitCodeAndCleansUp() throws Exception {
        TimedCommand timed = new TimedCommand(new SudoWrapper.Prepared("read x; echo \"got $x\"; exit 3",
                "input\n".getBytes(StandardCharsets.UTF_8)));
        Process p = new ProcessBuilder("setsid", "/bin/sh", "-c", timed.prepared().line()).start();
        p.getOutputStream().write(timed.prepared().stdin());
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEqualTo("got input\n");
        assertThat(p.exitValue()).isEqualTo(3);
        assertThat(sh(timed.killScript())).as("nothing left to kill, still exits 0").isZero();
    }

    @Test
    void theKillScriptKillsTheWholeProcessGroup() throws Exception {
        TimedCommand timed = new TimedCommand(new SudoWrapper.Prepared("sleep 30 & sleep 31; wait", new byte[0]));
        Process p = new ProcessBuilder("setsid", "/bin/sh", "-c", timed.prepared().line()).start();
        Thread.sleep(300);
        long children = p.descendants().count();
        assertThat(children).isGreaterThanOrEqualTo(2);
        var descendants = p.descendants().toList();
        assertThat(sh(timed.killScript())).isZero();
        assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
        for (ProcessHandle h : descendants) {
            assertThat(h.onExit().get(5, TimeUnit.SECONDS).isAlive()).isFalse();
        }
    }

    @Test
    void withoutAProcessGroupTheKillScriptKillsEveryDescendant() throws Exception {
        // No setsid: the shell shares the JVM's group, as under a server that starts no session.
        TimedCommand timed = new TimedCommand(new SudoWrapper.Prepared(
                "/bin/sh -c 'sleep 32 & /bin/sh -c \"sleep 33; true\"; wait'; true", new byte[0]));
        Process p = new ProcessBuilder("/bin/sh", "-c", timed.prepared().line()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (p.descendants().filter(h -> h.info().command().orElse("").endsWith("sleep")).count() < 2
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        var descendants = p.descendants().toList();
        assertThat(descendants.stream().filter(h -> h.info().command().orElse("").endsWith("sleep"))).hasSize(2);
        assertThat(sh(timed.killScript())).isZero();
        assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
        for (ProcessHandle h : descendants) {
            assertThat(h.onExit().get(5, TimeUnit.SECONDS).isAlive()).as("%s", h.info()).isFalse();
        }
    }

    private static int sh(String script) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
