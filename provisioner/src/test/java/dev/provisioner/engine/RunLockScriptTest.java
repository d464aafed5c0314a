package dev.provisioner.engine;

import dev.provisioner.operation.RunLock;
import dev.provisioner.operation.RunLockedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lock lines run by the local {@code /bin/sh} in a scratch folder (the real scripts, only the folder
 * and the busy wait differ): a host without {@code flock} is refused before anything runs, and a busy
 * lock that stays taken fails the script instead of letting it carry on.
 */
class RunLockScriptTest {
    @TempDir
    Path dir;

    private record Exit(int code, String stdout, String stderr) {
    }

    private Exit sh(String script, String path) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script);
        pb.environment().put("PATH", path);
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new Exit(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** A PATH with the programs the scripts use, except flock. */
    private String pathWithoutFlock() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : new String[]{"cat", "mkdir", "sleep", "tail", "setsid"}) {
            Path real = Path.of("/usr/bin", tool);
            if (Files.exists(real)) {
                Files.createSymbolicLink(bin.resolve(tool), real);
            }
        }
        return bin.toString();
    }

    @Test
    void afterFactsReadWithoutTheLockItIsTakenOnlyWhileNoOtherRunTookItSince() throws Exception {
        Path state = dir.resolve("state");
        String path = "/usr/bin:/bin";
        String peek = RunLock.peek(state.toString()) + "if locknow; then echo now; else echo later; fi; printf 'G=%s\\n' \"$G\"\n";
        assertThat(sh(peek, path).stdout()).as("nobody ever took it (a first converge, which will change the host):"
                + " taken with the facts, saving an exchange").isEqualTo("now\nG=\n");

        Exit first = sh(RunLock.acquire("run 1 by me", state.toString(), "") + "echo changed\n", path);
        assertThat(first.code()).as(first.stderr()).isZero();
        assertThat(first.stdout()).isEqualTo("changed\n");
        assertThat(Files.readString(state.resolve("run.gen"))).as("the generation names the last holder").isEqualTo("run 1 by me\n");
        // Run 1 is over: on a host its watcher empties the holder file when the connection ends (here no sshd runs it).
        Files.writeString(state.resolve("run.lock.holder"), "");
        assertThat(sh(peek, path).stdout()).as("taken before: the facts are read without it").isEqualTo("later\nG=run 1 by me\n");
        Files.delete(state.resolve("run.lock.holder"));
        assertThat(sh(peek, path).stdout()).as("no holder file at all: the same").isEqualTo("later\nG=run 1 by me\n");

        // A run that read its facts before run 1 took the lock: refused before it changes anything, naming run 1.
        Exit stale = sh(RunLock.acquire("run 2 by you", state.toString(), "") + "echo changed\n", path);
        assertThat(stale.code()).isEqualTo(RunLock.REFUSED);
        assertThat(stale.stdout()).isEmpty();
        assertThat(new RunLockedException("h", RunLock.holder(stale.stderr())).getMessage())
                .isEqualTo("another run took this host's lock after this run read its facts, so they may be stale: run 1 by me;"
                        + " this run changed nothing; run it again");
        assertThat(Files.readString(state.resolve("run.gen"))).isEqualTo("run 1 by me\n");

        // One that read them after: takes it, and is the generation now.
        Exit after = sh(RunLock.acquire("run 3 by you", state.toString(), "run 1 by me") + "echo changed\n", path);
        assertThat(after.code()).as(after.stderr()).isZero();
        assertThat(Files.readString(state.resolve("run.gen"))).isEqualTo("run 3 by you\n");

        // A holder line (another run holds it, or its watcher has not let go yet): the facts script takes it at once.
        Files.writeString(state.resolve("run.lock.holder"), "run 4 by them\n");
        assertThat(sh(peek, path).stdout()).isEqualTo("now\nG=run 3 by you\n");
        Files.delete(state.resolve("run.lock.holder"));
        assertThat(sh(peek, pathWithoutFlock()).stdout()).as("no flock: taken at once, which refuses").startsWith("now\n");
    }

    /**
     * The facts script's own lock, taken after the facts when the run will change the host: against the generation
     * its peek read at the start of the same script, so a run that took the lock in between (and may have changed
     * the host while the facts were read) makes it refuse, naming that run.
     */
    @Test
    void theLockTakenAfterTheFactsExpectsTheGenerationReadBeforeThem() throws Exception {
        Path state = dir.resolve("state");
        String path = "/usr/bin:/bin";
        assertThat(sh(RunLock.acquire("run 1 by me", state.toString()), path).code()).isZero();
        Files.deleteIfExists(state.resolve("run.lock.holder"));

        String unchanged = RunLock.peek(state.toString()) + "echo facts\n"
                + RunLock.acquireAsPeeked("run 2 by me", state.toString()) + "printf 'held %s\\n' \"$G\"\n";
        Exit taken = sh(unchanged, path);
        assertThat(taken.code()).as(taken.stderr()).isZero();
        assertThat(taken.stdout()).isEqualTo("facts\nheld run 1 by me\n");
        assertThat(Files.readString(state.resolve("run.gen"))).isEqualTo("run 2 by me\n");
        Files.deleteIfExists(state.resolve("run.lock.holder"));

        // Run 3 takes the lock while run 4's script reads its facts (between its peek and its lock).
        String raced = RunLock.peek(state.toString()) + "echo facts\n"
                + "printf 'run 3 by them\\n' > " + state.resolve("run.gen") + "\n"
                + RunLock.acquireAsPeeked("run 4 by me", state.toString()) + "echo changed\n";
        Exit refused = sh(raced, path);
        assertThat(refused.code()).isEqualTo(RunLock.REFUSED);
        assertThat(refused.stdout()).isEqualTo("facts\n");
        assertThat(RunLock.holder(refused.stderr())).endsWith("run 3 by them");
        assertThat(Files.readString(state.resolve("run.gen"))).isEqualTo("run 3 by them\n");
    }

    @Test
    void withoutFlockTheRunLockRefusesAndNamesWhatToInstall() throws Exception {
        Path state = dir.resolve("state");
        Exit e = sh(RunLock.acquire("run 1 by me", state.toString()) + "echo changed-the-host\n", pathWithoutFlock());
        assertThat(e.code()).isEqualTo(RunLock.REFUSED);
        assertThat(e.stdout()).doesNotContain("changed-the-host");
        assertThat(RunLock.holder(e.stderr())).isEqualTo(RunLock.NO_FLOCK);
        assertThat(new RunLockedException("h", RunLock.holder(e.stderr())).getMessage())
                .isEqualTo("the run lock cannot be taken: flock is missing on this host (install util-linux); nothing was changed");
    }

    @Test
    void withoutFlockTheApplyScriptRefusesBeforeItsFirstAction() throws Exception {
        Exit e = sh(RunLock.busy(dir.toString(), 1) + "echo first-action\n", pathWithoutFlock());
        assertThat(e.code()).isEqualTo(RunLock.REFUSED);
        assertThat(e.stdout()).isEmpty();
        assertThat(RunLock.holder(e.stderr())).isEqualTo(RunLock.NO_FLOCK);
    }

    @Test
    void aBusyLockHeldTooLongFailsTheScriptInsteadOfContinuing() throws Exception {
        Path busy = dir.resolve("run.busy");
        Files.createFile(busy);
        // One process (exec) holds the lock, so killing it frees the lock.
        Process holder = new ProcessBuilder("/bin/sh", "-c", "exec 8>>" + busy + "; flock -x 8 && exec sleep 15").start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            Exit e;
            do {
                e = sh("flock -n -x " + busy + " true || exit 9", "/usr/bin:/bin");
            } while (e.code() != 9 && System.nanoTime() < deadline);
            assertThat(e.code()).as("the helper holds the busy lock").isEqualTo(9);
            Exit refused = sh(RunLock.busy(dir.toString(), 1) + "echo first-action\n", "/usr/bin:/bin");
            assertThat(refused.code()).isEqualTo(RunLock.REFUSED);
            assertThat(refused.stdout()).isEmpty();
            assertThat(RunLock.holder(refused.stderr())).isEqualTo(RunLock.busyRefusal(1));
        } finally {
            holder.destroyForcibly();
            holder.waitFor(5, TimeUnit.SECONDS);
        }
        Exit free = sh(RunLock.busy(dir.toString(), 1) + "echo first-action\n", "/usr/bin:/bin");
        assertThat(free.code()).isZero();
        assertThat(free.stdout()).isEqualTo("first-action\n");
    }

    /**
     * Soak finding: the holder line outlived its run, so a lock held by anything else was refused naming a run
     * that had ended long before. The connection's sshd is stood in for by a copy of the shell named
     * {@code sshd-conn} (the script looks for an ancestor whose name starts with sshd): while it lives the lock is
     * held and the refusal names the run; once it exits the lock is free and the holder line is gone.
     */
    @Test
    void theHolderLineGoesWithItsRunSoALaterRefusalNeverNamesARunThatIsOver() throws Exception {
        Path sshd = dir.resolve("sshd-conn");
        Files.copy(Path.of("/bin/sh"), sshd);
        sshd.toFile().setExecutable(true);
        String lockDir = dir.resolve("lock").toString();
        Path end = dir.resolve("end");
        Process connection = new ProcessBuilder(sshd.toString(), "-c", "/bin/sh -c \"$0\" && echo held"
                + " && while [ ! -e \"$1\" ]; do sleep 0.1; done", RunLock.acquire("run A", lockDir), end.toString())
                .redirectErrorStream(true).start();
        connection.getOutputStream().close();
        try {
            assertThat(new String(connection.getInputStream().readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("held\n");
            Exit refused = sh(RunLock.acquire("run B", lockDir), "/usr/bin:/bin");
            assertThat(refused.code()).isEqualTo(RunLock.REFUSED);
            assertThat(RunLock.holder(refused.stderr())).isEqualTo("run A");
            Files.createFile(end); // the connection ends
            assertThat(connection.waitFor(15, TimeUnit.SECONDS)).isTrue();
            Path holderFile = Path.of(lockDir, "run.lock.holder");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (Files.size(holderFile) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(holderFile).as("the holder line is removed when its run's connection ends (by a builtin: the file"
                    + " is emptied)").isEmptyFile();
        } finally {
            connection.destroyForcibly();
        }
        // Another program holding the lock is not mistaken for run A.
        Process other = new ProcessBuilder("flock", "-o", lockDir + "/run.lock", "sleep", "15").start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (sh("flock -n " + lockDir + "/run.lock true", "/usr/bin:/bin").code() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Exit refused = sh(RunLock.acquire("run C", lockDir), "/usr/bin:/bin");
            assertThat(refused.code()).isEqualTo(RunLock.REFUSED);
            assertThat(RunLock.holder(refused.stderr())).isEqualTo("an unknown run");
        } finally {
            other.destroyForcibly();
            other.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
