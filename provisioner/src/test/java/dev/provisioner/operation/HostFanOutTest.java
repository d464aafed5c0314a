package dev.provisioner.operation;

import dev.provisioner.testsupport.EngineFixtures;
import dev.provisioner.testsupport.ScriptedConnection;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.transport.Command;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one host fan-out every operation uses (apply/plan preflight and phases, check, run, reset,
 * upgrade preflight; etcd and remove-node through the same {@link Operation}): results in input
 * order, never more than the bound at once, the interrupt policy, and the run lock of operations that
 * change hosts. Tasks are plain in-JVM work; the lock test uses a stand-in connection that answers the
 * lock script the way a host holding the lock does (the lock itself is proven on lab hosts in
 * {@code RunLockLabTest}).
 */
class HostFanOutTest {

    @Test
    void resultsComeInInputOrderWhateverOrderTheHostsFinishIn() {
        List<Integer> items = IntStream.range(0, 12).boxed().toList();
        List<String> out = new HostFanOut("t", 6).map(items, i -> {
            sleep(5L * (12 - i));
            return "h" + i;
        }, i -> "not run");
        assertThat(out).containsExactlyElementsOf(items.stream().map(i -> "h" + i).toList());
    }

    @Test
    void neverMoreHostsAtOnceThanTheBoundAndAPhaseMayLowerIt() {
        for (int[] c : new int[][] {{3, 10}, {2, 1}}) {
            AtomicInteger now = new AtomicInteger();
            AtomicInteger peak = new AtomicInteger();
            int bound = Math.min(c[0], c[1]);
            new HostFanOut("t", c[0]).map(IntStream.range(0, 9).boxed().toList(), c[1], i -> {
                peak.accumulateAndGet(now.incrementAndGet(), Math::max);
                // Stay until the bound was reached (or 5 s passed), so a slow machine starting threads late
                // cannot make the peak lower than what the fan-out allows; a fan-out above it shows as a higher peak.
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (peak.get() < bound && System.nanoTime() < deadline) {
                    sleep(1);
                }
                sleep(5);
                now.decrementAndGet();
                return i;
            }, i -> -1);
            assertThat(peak.get()).isEqualTo(bound);
        }
    }

    @Test
    void anInterruptLetsStartedHostsFinishReportsTheRestNotRunAndSetsTheFlagAgain() throws Exception {
        HostFanOut fanOut = new HostFanOut("t", 2);
        CountDownLatch bothStarted = new CountDownLatch(2);
        List<Integer> finished = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<List<String>> out = new AtomicReference<>();
        AtomicBoolean flagAfter = new AtomicBoolean();
        AtomicBoolean workerInterrupted = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            out.set(fanOut.map(List.of(0, 1, 2, 3, 4), i -> {
                bothStarted.countDown();
                sleep(300);
                workerInterrupted.compareAndSet(false, Thread.currentThread().isInterrupted());
                finished.add(i);
                return "done " + i;
            }, i -> "not run " + i));
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertThat(bothStarted.await(10, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(10_000);
        assertThat(out.get()).containsExactly("done 0", "done 1", "not run 2", "not run 3", "not run 4");
        assertThat(finished).containsExactlyInAnyOrder(0, 1);
        assertThat(workerInterrupted).as("a host at work is never interrupted mid-step").isFalse();
        assertThat(flagAfter).isTrue();
        assertThat(fanOut.interrupted()).isTrue();
        // Every later fan-out of the same operation runs nothing.
        Thread.interrupted();
        assertThat(fanOut.map(List.of(7), i -> "ran", i -> "not run")).containsExactly("not run");
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void readOnlyWorkIsAbandonedAtOnceOnAnInterrupt() throws Exception {
        HostFanOut fanOut = new HostFanOut("t", 2);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch hung = new CountDownLatch(1);
        AtomicReference<List<String>> out = new AtomicReference<>();
        Thread caller = new Thread(() -> out.set(fanOut.mapReadOnly(List.of(0, 1), i -> {
            if (i == 1) {
                started.countDown();
                try {
                    hung.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return "read " + i;
        }, i -> "not run " + i)));
        caller.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        sleep(50);
        caller.interrupt();
        caller.join(5_000);
        hung.countDown();
        assertThat(out.get()).containsExactly("read 0", "not run 1");
        assertThat(fanOut.interrupted()).isTrue();
    }

    @Test
    void aFailingTaskDoesNotStopTheOthersAndIsRethrownAfterThem() {
        List<Integer> finished = Collections.synchronizedList(new ArrayList<>());
        assertThatThrownBy(() -> new HostFanOut("t", 3).map(List.of(0, 1, 2), i -> {
            if (i == 0) {
                throw new IllegalStateException("boom on 0");
            }
            sleep(50);
            finished.add(i);
            return i;
        }, i -> -1)).hasMessage("boom on 0");
        assertThat(finished).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void anOperationThatChangesHostsTakesTheRunLockAndIsRefusedWhileAnotherRunHoldsIt() {
        Inventory inv = Inventory.builder().clusterName("lab")
                .host("m1", h -> h.address("10.4.4.4").roles(Role.MASTER, Role.NODE, Role.REGISTRY).keyFile(EngineFixtures.KEY)).build();
        List<Command> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<String> holder = new AtomicReference<>();
        // Answers the lock script as a free host (exit 0) or as one whose lock `holder` has.
        OperationSettings settings = OperationSettings.of(inv).withConnections((h, e) -> new ScriptedConnection(e, c -> {
            seen.add(c);
            String held = holder.get();
            return held == null ? ScriptedConnection.result(h.name(), c, 0, "", "")
                    : ScriptedConnection.result(h.name(), c, RunLock.REFUSED, "", RunLock.REFUSAL_PREFIX + held + "\n");
        }));

        settings.start("check", false).connect(inv.hosts().get(0)).close();
        assertThat(seen).as("a read-only operation takes no lock").isEmpty();

        Operation restore = settings.start("etcd restore", true);
        restore.connect(inv.hosts().get(0)).close();
        assertThat(seen).singleElement().satisfies(c -> assertThat(c.line()).contains("flock -w 5 9").contains("etcd restore by "));

        holder.set("run 1a2b3c4d by alice@laptop (pid 42) since 2026-11-26T02:15:00Z");
        assertThatThrownBy(() -> restore.connect(inv.hosts().get(0))).isInstanceOfSatisfying(RunLockedException.class,
                e -> assertThat(e.holder()).isEqualTo(holder.get()));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
