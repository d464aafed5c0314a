package dev.provisioner.ops.upgrade;

import dev.provisioner.operation.Operation;
import dev.provisioner.operation.OperationSettings;

import dev.provisioner.component.InstalledVersions;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.testsupport.EngineFixtures;
import dev.provisioner.transport.Auth;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.Endpoint;
import dev.provisioner.transport.OutputListener;
import dev.provisioner.transport.SecretMasker;
import dev.provisioner.transport.TransportStats;
import dev.provisioner.transport.Upload;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The upgrade preflight over FAKE connections that answer the version-record script with canned records
 * (the rules are pure and the reading contract is one command per host; {@code DayTwoLabTest} reads real
 * records on lab hosts).
 */
class UpgradePreflightTest {
    private final Inventory inventory = Inventory.builder().clusterName("lab")
            .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
            .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE).keyFile(EngineFixtures.KEY))
            .host("node02", h -> h.address("10.4.4.6").roles(Role.NODE).keyFile(EngineFixtures.KEY))
            .host("registry", h -> h.address("10.4.4.8").roles(Role.REGISTRY).keyFile(EngineFixtures.KEY))
            .build();
    private final Map<String, String> records = new ConcurrentHashMap<>();
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet();
    private final Set<String> contacted = ConcurrentHashMap.newKeySet();

    @Test
    void theMastersAndNodesAreReadAtOnceAndReportedInInventoryOrder() {
        CountDownLatch allReading = new CountDownLatch(3);
        Function<Host, Connection> connections = h -> {
            contacted.add(h.name());
            return new RecordsConnection(h.name(), () -> {
                allReading.countDown();
                try {
                    if (!allReading.await(20, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the hosts were read one after another");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "";
            });
        };

        List<HostVersions> hosts = UpgradePreflight.check(operation(connections, 4), Set.of());

        assertThat(hosts).extracting(HostVersions::host).containsExactly("master", "node01", "node02");
        assertThat(contacted).containsExactlyInAnyOrder("master", "node01", "node02");
    }

    @Test
    void anUnreachableHostLeftOutOfTheRunIsUnknownButOneInTheRunRefusesTheUpgrade() {
        unreachable.add("node02");

        List<HostVersions> limited = UpgradePreflight.check(operation(this::connect, 4), Set.of("master", "node01"));
        assertThat(limited).filteredOn(h -> h.host().equals("node02")).singleElement()
                .satisfies(h -> assertThat(h.installed()).isEmpty());

        assertThatThrownBy(() -> UpgradePreflight.check(operation(this::connect, 4), Set.of()))
                .isInstanceOf(UpgradeRefusedException.class)
                .hasMessageContaining("node02: cannot read the installed versions: node02: connection refused");
    }

    @Test
    void aSkippedMinorVersionOnANodeIsRefusedNamingTheNode() {
        SemVer desired = SemVer.parse(inventory.cluster().versions().kubernetes());
        String twoMinorsOlder = desired.major() + "." + (desired.minor() - 2) + ".0";
        records.put("node01", "kubelet " + twoMinorsOlder + "\nkube-proxy " + twoMinorsOlder + "\n");

        assertThatThrownBy(() -> UpgradePreflight.check(operation(this::connect, 1), Set.of()))
                .isInstanceOf(UpgradeRefusedException.class)
                .satisfies(e -> assertThat(((UpgradeRefusedException) e).problems())
                        .anySatisfy(p -> assertThat(p).startsWith("node01").contains("kubelet").contains(twoMinorsOlder)));
    }

    private Connection connect(Host h) {
        if (unreachable.contains(h.name())) {
            throw new IllegalStateException(h.name() + ": connection refused");
        }
        return new RecordsConnection(h.name(), () -> records.getOrDefault(h.name(), ""));
    }

    /** Answers every command with the host's version records. */
    private record RecordsConnection(String host, java.util.function.Supplier<String> output) implements Connection {
        @Override
        public Endpoint endpoint() {
            return new Endpoint(host, "fake", 22, "root", Auth.PrivateKey.of(Path.of("/none")), null, null);
        }

        @Override
        public String hostKeyFingerprint() {
            return "SHA256:fake";
        }

        @Override
        public CommandResult run(Command command, OutputListener listener) {
            assertThat(command.line()).contains(InstalledVersions.DIR);
            return new CommandResult(host, command.display(), 0, output.get().getBytes(StandardCharsets.UTF_8), new byte[0],
                    Duration.ZERO);
        }

        @Override
        public void upload(List<Upload> uploads) {
            throw new UnsupportedOperationException("the preflight only reads");
        }

        @Override
        public byte[] read(String remotePath, boolean asRoot) {
            throw new UnsupportedOperationException("the preflight reads through one command");
        }

        @Override
        public TransportStats stats() {
            return new TransportStats();
        }

        @Override
        public void close() {
        }
    }

    /** The upgrade's operation over the given connections, {@code parallelism} hosts at once. */
    private Operation operation(Function<Host, Connection> connections, int parallelism) {
        return OperationSettings.of(inventory).withConnections((h, e) -> connections.apply(h)).withParallelism(parallelism)
                .start("upgrade", false);
    }
}
