package dev.provisioner.ops.check;

import dev.provisioner.transport.Auth;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.Endpoint;
import dev.provisioner.transport.OutputListener;
import dev.provisioner.transport.TransportStats;
import dev.provisioner.transport.Upload;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A FAKE {@link Connection}: no SSH, no host. It answers a batch of probes with canned outputs per
 * probe name, framed exactly as {@link HostBatch}'s script frames them, and records every command.
 *
 * <p>Why a fake: what a probe concludes from an output (ok, failed, not installed, timed out) and
 * how the runner batches, orders and reconciles results do not depend on SSH or on a real etcd;
 * checking them here takes milliseconds and covers outputs a lab cannot produce (a NotReady node, a
 * half-ready CoreDNS). {@code HostBatchLocalTest} runs the real batch script in a real shell, and
 * {@code CheckLabTest} runs everything on real hosts.
 */
final class CannedConnection implements Connection {
    private final String host;
    private final Map<String, ProbeOutput> outputs = new ConcurrentHashMap<>();
    final List<Command> commands = new CopyOnWriteArrayList<>();
    private final TransportStats stats = new TransportStats();

    CannedConnection(String host) {
        this.host = host;
    }

    /** The output the probe called {@code probe} gets on this host; unset probes exit 0 silently. */
    CannedConnection answer(String probe, int exit, String text) {
        outputs.put(probe, new ProbeOutput(exit, text));
        return this;
    }

    @Override
    public Endpoint endpoint() {
        return new Endpoint(host, "fake-" + host, 22, "root", Auth.PrivateKey.of(Path.of("/none")), null, null);
    }

    @Override
    public String hostKeyFingerprint() {
        return "SHA256:fake";
    }

    @Override
    public CommandResult run(Command command, OutputListener listener) {
        commands.add(command);
        stats.roundTrip();
        String names = command.display().replaceFirst("^health probes \\[", "").replaceFirst("]$", "");
        StringBuilder out = new StringBuilder();
        String[] probes = names.split(", ");
        for (int i = 0; i < probes.length; i++) {
            ProbeOutput o = outputs.getOrDefault(probes[i], new ProbeOutput(0, ""));
            out.append("@@probe ").append(i).append(" begin\n").append(o.text()).append("\n@@probe ").append(i)
                    .append(" end ").append(o.exitCode()).append('\n');
        }
        return new CommandResult(host, command.display(), 0, out.toString().getBytes(StandardCharsets.UTF_8), new byte[0], Duration.ZERO);
    }

    @Override
    public void upload(List<Upload> uploads) {
        throw new AssertionError("a health check never uploads");
    }

    @Override
    public byte[] read(String remotePath, boolean asRoot) {
        throw new AssertionError("a health check never reads files one by one");
    }

    @Override
    public TransportStats stats() {
        return stats;
    }

    @Override
    public void close() {
    }
}
