package dev.provisioner.api;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.operation.RunLock;
import dev.provisioner.testsupport.EngineFixtures;
import dev.provisioner.testsupport.ScriptedConnection;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.HostKeyException;
import dev.provisioner.transport.UnreachableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facade's operations over stand-in connections (answers are scripted per host; no SSH): each
 * failure carries the kind of what was thrown where it arose, an operation that changes hosts is
 * refused by a held run lock before it changes anything, and every operation emits its events, from its start to
 * its end, also when no host can be reached.
 */
class FacadeOperationsTest {
    @TempDir
    Path dir;

    private final Inventory inv = EngineFixtures.inventory();
    private final Map<String, List<Command>> sent = new ConcurrentHashMap<>();
    private final List<ProvisionEvent> events = Collections.synchronizedList(new ArrayList<>());

    @Test
    void runReportsEachHostInInventoryOrderWithTheKindOfItsFailure() {
        Provisioner p = Provisioner.builder().inventory(inv).stateDirectory(dir).listener(events::add)
                .connectionFactory((h, e) -> {
                    if (h.name().equals("node01")) {
                        throw new HostKeyException(h.name(), "host key changed");
                    }
                    return new ScriptedConnection(e, c -> ScriptedConnection.result(h.name(), c,
                            h.name().equals("registry") ? 3 : 0, "up " + h.name() + "\n", ""));
                }).build();

        List<CommandOutcome> out = p.run(RemoteCommand.of("uptime"), o -> { });

        assertThat(out).extracting(CommandOutcome::host).containsExactlyElementsOf(inv.hosts().stream().map(h -> h.name()).toList());
        assertThat(out).filteredOn(o -> o.host().equals("node01")).singleElement()
                .satisfies(o -> assertThat(o.failure()).contains(FailureKind.HOST_KEY));
        assertThat(out).filteredOn(o -> o.host().equals("registry")).singleElement().satisfies(o -> {
            assertThat(o.failure()).contains(FailureKind.STEP_FAILED);
            assertThat(o.exitCode()).isEqualTo(3);
        });
        assertThat(out).filteredOn(o -> o.host().equals("master")).singleElement()
                .satisfies(o -> assertThat(o.failure()).isEmpty());
        assertThat(events).first().isInstanceOfSatisfying(ProvisionEvent.OperationStarted.class,
                e -> assertThat(e.operation()).isEqualTo("run"));
        assertThat(events).filteredOn(ProvisionEvent.OperationHostFinished.class::isInstance).hasSize(out.size());
        assertThat(events).last().isInstanceOfSatisfying(ProvisionEvent.OperationFinished.class, e -> assertThat(e.ok()).isFalse());
    }

    @Test
    void anEtcdRestoreRefusedByAHeldLockIsLockedAndChangesNothing() throws IOException {
        Path snapshot = Files.writeString(dir.resolve("etcd-snapshot.db"), "not a real snapshot: it is never uploaded");
        Provisioner p = Provisioner.builder().inventory(inv).stateDirectory(dir).listener(events::add)
                .connectionFactory((h, e) -> new ScriptedConnection(e, c -> {
                    sent.computeIfAbsent(h.name(), k -> Collections.synchronizedList(new ArrayList<>())).add(c);
                    return ScriptedConnection.result(h.name(), c, RunLock.REFUSED, "",
                            RunLock.REFUSAL_PREFIX + "run 1a2b3c4d by alice@laptop (pid 42) since 2026-11-26T02:15:00Z\n");
                })).build();

        OperationReport r = p.etcdRestore(snapshot);

        assertThat(r.failure()).contains(FailureKind.LOCKED);
        assertThat(r.summary()).contains("run 1a2b3c4d by alice@laptop");
        assertThat(sent.values()).allSatisfy(cs -> assertThat(cs).singleElement()
                .satisfies(c -> assertThat(c.line()).contains("flock -w 5 9").contains("etcd restore by ")));
        assertThat(events).last().isInstanceOfSatisfying(ProvisionEvent.OperationFinished.class, e -> {
            assertThat(e.operation()).isEqualTo("etcd restore");
            assertThat(e.ok()).isFalse();
        });
    }

    @Test
    void aCheckNamesAnUnreachableHostAsUnreachable() {
        Provisioner p = Provisioner.builder().inventory(inv).stateDirectory(dir).connectionFactory((h, e) -> {
            throw new UnreachableException(h.name(), "no route to host");
        }).build();

        OperationReport r = p.check(false);

        assertThat(r.ok()).isFalse();
        assertThat(r.outcomes()).filteredOn(o -> o.item().equals("connect")).hasSize(inv.hosts().size())
                .allSatisfy(o -> assertThat(o.failure()).isEqualTo(Optional.of(FailureKind.UNREACHABLE)));
    }

    @Test
    void everyDayTwoOperationEmitsItsEventsFromStartToEnd() throws IOException {
        Path snapshot = Files.writeString(dir.resolve("etcd-snapshot.db"), "not a real snapshot: it is never uploaded");
        Provisioner p = Provisioner.builder().inventory(inv).stateDirectory(dir).listener(events::add).connectionFactory((h, e) -> {
            throw new UnreachableException(h.name(), "no route to host");
        }).build();
        Map<String, Runnable> operations = new java.util.LinkedHashMap<>();
        operations.put("reset", p::reset);
        operations.put("remove-node", () -> p.removeNode("node01", false));
        operations.put("etcd snapshot", () -> p.etcdSnapshot(dir.resolve("backups")));
        operations.put("etcd restore", () -> p.etcdRestore(snapshot));
        operations.put("etcd member remove", () -> p.etcdMemberRemove("master", false));
        operations.put("check", () -> p.check(false));
        operations.put("run", () -> p.run(RemoteCommand.of("true"), o -> { }));

        operations.forEach((name, operation) -> {
            events.clear();
            operation.run();
            assertThat(events).as(name).first().isInstanceOfSatisfying(ProvisionEvent.OperationStarted.class,
                    e -> assertThat(e.operation()).isEqualTo(name));
            assertThat(events).as(name).last().isInstanceOfSatisfying(ProvisionEvent.OperationFinished.class, e -> {
                assertThat(e.operation()).isEqualTo(name);
                assertThat(e.ok()).as(name + " with every host unreachable").isFalse();
            });
            assertThat(events).as(name).filteredOn(ProvisionEvent.OperationStarted.class::isInstance).hasSize(1);
        });
    }
}
