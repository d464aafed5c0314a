package dev.provisioner.operation;

import dev.provisioner.connect.ConnectionFactory;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.testsupport.EngineFixtures;
import dev.provisioner.testsupport.ScriptedConnection;
import dev.provisioner.transport.Connection;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@org.junit.jupiter.api.Timeout(30)
/** Connections opened ahead (the SSH handshake overlapping the controller's rendering): taken once, errors kept, the rest closed. */
class OpenAheadTest {
    private final Inventory inv = Inventory.builder().clusterName("lab")
            .host("m1", h -> h.address("10.4.4.4").roles(Role.MASTER, Role.NODE, Role.REGISTRY).keyFile(EngineFixtures.KEY))
            .host("n1", h -> h.address("10.4.4.5").roles(Role.NODE).keyFile(EngineFixtures.KEY))
            .host("n2", h -> h.address("10.4.4.6").roles(Role.NODE).keyFile(EngineFixtures.KEY)).build();
    private final Map<String, AtomicInteger> opened = new ConcurrentHashMap<>();

    private ConnectionFactory factory(String failing, CountDownLatch release) {
        return (h, e) -> {
            await(release);
            if (h.name().equals(failing)) {
                throw new IllegalStateException(h.name() + ": host key mismatch");
            }
            opened.computeIfAbsent(h.name(), k -> new AtomicInteger()).incrementAndGet();
            return new ScriptedConnection(e, c -> ScriptedConnection.result(h.name(), c, 0, "", ""));
        };
    }

    @Test
    void aConnectionOpenedAheadIsTakenOnceTheNextOpenConnectsAgain() {
        Operation op = OperationSettings.of(inv).withConnections(factory("none", new CountDownLatch(0))).start("apply", false);
        op.openAhead(inv.hosts());
        Host m1 = inv.hosts().get(0);
        Connection first = op.open(m1);
        assertThat(opened.get("m1")).hasValue(1);
        Connection second = op.open(m1);
        assertThat(second).isNotSameAs(first);
        assertThat(opened.get("m1")).hasValue(2);
    }

    @Test
    void theErrorOfAnOpeningAheadIsThrownByOpenAndNotRetried() {
        Operation op = OperationSettings.of(inv).withConnections(factory("n1", new CountDownLatch(0))).start("apply", false);
        op.openAhead(inv.hosts());
        assertThatThrownBy(() -> op.open(inv.hosts().get(1))).isInstanceOf(IllegalStateException.class)
                .hasMessage("n1: host key mismatch");
        assertThat(op.open(inv.hosts().get(2))).isNotNull();
    }

    @Test
    void openWaitsForAnOpeningStillUnderWayAndUnclaimedConnectionsAreClosedEvenWhenTheyFinishLater() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<ScriptedConnection> made = new java.util.concurrent.CopyOnWriteArrayList<>();
        ConnectionFactory slow = (h, e) -> {
            await(release);
            ScriptedConnection c = new ScriptedConnection(e, cmd -> ScriptedConnection.result(h.name(), cmd, 0, "", ""));
            made.add(c);
            return c;
        };
        Operation op = OperationSettings.of(inv).withConnections(slow).withParallelism(3).start("apply", false);
        op.openAhead(inv.hosts());
        Thread taker = new Thread(() -> op.open(inv.hosts().get(0)));
        taker.start();
        Thread.sleep(100);
        assertThat(taker.isAlive()).as("open waits for the handshake under way").isTrue();
        op.closeUnclaimed(); // n1 and n2 are still opening: cancelled, closed when they finish
        release.countDown();
        taker.join(5000);
        assertThat(taker.isAlive()).isFalse();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (made.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        assertThat(made).hasSize(3);
        assertThat(made.stream().filter(ScriptedConnection::isClosed).count()).as("n1's and n2's, nobody took them").isEqualTo(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
