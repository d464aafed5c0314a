package dev.provisioner.engine;

import dev.provisioner.step.DesiredFile;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A FAKE {@link Connection}: no SSH and no host behind it. It answers the facts script from an
 * in-memory file table (reading which paths were asked for from the script itself), and answers an
 * apply script by reporting every action done, or a failure at a chosen action. It records every
 * command and upload and counts one round trip per command and per upload batch.
 *
 * <p>Why a fake: the executor's contract (one facts round trip, one upload batch and one script per
 * host and phase, handler and failure semantics, parallelism) does not depend on SSH, and checking
 * it here takes milliseconds. The lab test proves the same things on real OpenSSH hosts.
 */
final class FakeConnection implements Connection {
    private static final Pattern FILE_LINE = Pattern.compile("^c (\\S+) (\\S+) (meta|diff|content)$", Pattern.MULTILINE);
    private static final Pattern UNITS_LINE = Pattern.compile("^us (.+)$", Pattern.MULTILINE);
    private static final Pattern DONE = Pattern.compile("printf '@@provisioner done %s\\\\n' (\\d+)");

    final String host;
    final Map<String, String> files = new ConcurrentHashMap<>();
    /** ActiveState of units on the fake host; a unit not listed is inactive and disabled, a listed one enabled. */
    final Map<String, String> units = new ConcurrentHashMap<>();
    /** Listed units that are disabled all the same. */
    final Set<String> disabled = ConcurrentHashMap.newKeySet();
    final List<Command> commands = new CopyOnWriteArrayList<>();
    final List<List<Upload>> uploads = new CopyOnWriteArrayList<>();
    private final TransportStats stats = new TransportStats();
    volatile int failAt = -1;
    volatile int failExit = 3;
    volatile String failStderr = "";
    volatile Duration scriptDelay = Duration.ZERO;
    /** When set, a batch health check ({@code check ... active}) exits 1 with this stderr. */
    volatile String checkFailure;
    final AtomicInteger closed = new AtomicInteger();
    /** Scripts running right now / at most, shared by the fakes of one test to check parallelism. */
    volatile AtomicInteger running = new AtomicInteger();
    volatile AtomicInteger maxRunning = new AtomicInteger();

    FakeConnection(String host) {
        this.host = host;
    }

    /** Puts {@code desired} on the fake host as the step wants it (a converged file). */
    FakeConnection has(DesiredFile desired) {
        files.put(desired.path(), desired.text());
        return this;
    }

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
        commands.add(command);
        stats.roundTrip();
        if (command.display().equals("gather facts")) {
            return ok(facts(command.line()));
        }
        if (command.display().equals("take the run lock")) {
            return ok("");
        }
        if (checkFailure != null && command.display().startsWith("check ")) {
            return new CommandResult(host, command.display(), 1, new byte[0], bytes(checkFailure), Duration.ZERO);
        }
        int now = running.incrementAndGet();
        maxRunning.accumulateAndGet(now, Math::max);
        try {
            Thread.sleep(scriptDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.decrementAndGet();
        }
        StringBuilder out = new StringBuilder();
        Matcher m = DONE.matcher(command.line());
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            if (i == failAt) {
                listener.line(OutputListener.Stream.STDERR, failStderr);
                out.append("\n@@provisioner failed ").append(i).append(' ').append(failExit).append('\n');
                return new CommandResult(host, command.display(), failExit, bytes(out.toString()), bytes(failStderr), Duration.ZERO);
            }
            listener.line(OutputListener.Stream.STDOUT, "@@provisioner done " + i);
            out.append("@@provisioner done ").append(i).append('\n');
        }
        return ok(out.toString());
    }

    private String facts(String script) {
        // An apply's facts script says first whether it took the run lock: a fake host has no other run, so it did not.
        StringBuilder out = new StringBuilder(script.contains("locknow()") ? HostSession.LOCK_LINE + "free\t\n" : "")
                .append("os\tdebian\t12\t\narch\tx86_64\npm\tapt\n");
        Matcher m = FILE_LINE.matcher(script);
        while (m.find()) {
            String path = unquote(m.group(1));
            String content = files.get(path);
            if (content == null) {
                out.append("file\t").append(path).append("\tabsent\n");
                continue;
            }
            String sha = DesiredFile.text(path, content).sha256();
            out.append("file\t").append(path).append("\tpresent\t").append(sha).append("\t644:root:root\n");
            if (m.group(3).equals("content") || (m.group(3).equals("diff") && !sha.equals(unquote(m.group(2))))) {
                out.append("content\t").append(path).append('\t')
                   .append(Base64.getEncoder().encodeToString(bytes(content))).append('\n');
            }
        }
        Matcher u = UNITS_LINE.matcher(script);
        while (u.find()) {
            for (String name : u.group(1).split(" ")) {
                String unit = unquote(name);
                out.append("unit\t").append(unit).append('\t').append(units.getOrDefault(unit, "inactive")).append('\t')
                   .append(units.containsKey(unit) && !disabled.contains(unit) ? "enabled" : "disabled").append('\n');
            }
        }
        return out.append("end\n").toString();
    }

    private static String unquote(String word) {
        return word.startsWith("'") ? word.substring(1, word.length() - 1) : word;
    }

    private CommandResult ok(String stdout) {
        return new CommandResult(host, "fake", 0, bytes(stdout), new byte[0], Duration.ZERO);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void upload(List<Upload> batch) {
        stats.roundTrip();
        batch.forEach(u -> stats.sent(u.size()));
        uploads.add(new ArrayList<>(batch));
    }

    @Override
    public byte[] read(String remotePath, boolean asRoot) {
        throw new UnsupportedOperationException("the engine never reads files one by one");
    }

    @Override
    public TransportStats stats() {
        return stats;
    }

    @Override
    public void close() {
        closed.incrementAndGet();
    }

    /** Scripts (not facts, not the run lock) sent so far. */
    List<Command> scripts() {
        return commands.stream().filter(c -> !c.display().equals("gather facts") && !c.display().equals("take the run lock")).toList();
    }
}
