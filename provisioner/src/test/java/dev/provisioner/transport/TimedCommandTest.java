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
    void theLineRunsInTheLoginShellItselfWithNoSecondShell() throws Exception {
        TimedCommand timed = new TimedCommand(new SudoWrapper.Prepared("# a first line that is a comment\necho \"$$\"",
                new byte[0]));
        Process p = new ProcessBuilder("setsid", "/bin/sh", "-c", timed.prepared().line()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        // setsid execs the shell in place when it can, or forks once: the shell is the process or its only child.
        long shell = Long.parseLong(out);
        assertThat(shell == p.pid() || ProcessHandle.of(shell).isEmpty()).isTrue();
        assertThat(timed.prepared().line()).doesNotContain("/tmp/").doesNotContain("rm ");
    }

    @Test
    void theKillScriptLeavesAnotherTimedCommandAlone() throws Exception {
        TimedCommand mine = new TimedCommand(new SudoWrapper.Prepared("sleep 34; true", new byte[0]));
        TimedCommand other = new TimedCommand(new SudoWrapper.Prepared("sleep 35; true", new byte[0]));
        Process a = new ProcessBuilder("setsid", "/bin/sh", "-c", mine.prepared().line()).start();
        Process b = new ProcessBuilder("setsid", "/bin/sh", "-c", other.prepared().line()).start();
        try {
            Thread.sleep(300);
            assertThat(sh(mine.killScript())).isZero();
            assertThat(a.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(b.isAlive()).as("the other command's group").isTrue();
            assertThat(b.descendants().count()).isGreaterThanOrEqualTo(1);
        } finally {
            sh(other.killScript());
            assertThat(b.waitFor(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aLastCommandThatTheShellWouldExecInPlaceIsStillFoundAndKilled() throws Exception {
        // "sh -c 'sleep N'" replaces the shell with sleep, whose argv has no token: the wrapper prevents it.
        String seconds = "36." + System.nanoTime() % 1_000_000;
        TimedCommand timed = new TimedCommand(new SudoWrapper.Prepared("sleep " + seconds, new byte[0]));
        Process p = new ProcessBuilder("setsid", "/bin/sh", "-c", timed.prepared().line()).start();
        Thread.sleep(300);
        assertThat(p.descendants().count()).as("the shell stays, sleep is its child").isEqualTo(1);
        assertThat(sh(timed.killScript())).isZero();
        assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
        // SIGKILL is delivered at once, but the process leaves the table a moment later (on a loaded machine, after
        // the shell's exit has been seen): wait for it as for the shell above.
        assertThat(sh("for i in $(seq 50); do pgrep -f 'sleep " + seconds.replace(".", "[.]") + "' >/dev/null || exit 0; sleep 0.1; done;"
                + " exit 1")).as("sleep killed too").isZero();
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
