package dev.provisioner.cli;

import dev.provisioner.cli.json.HostRunDto;
import dev.provisioner.cli.json.ResultDto;
import dev.provisioner.connect.ConnectionFactory;
import dev.provisioner.connect.Endpoints;
import dev.provisioner.connect.SshConnections;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.transport.AuthenticationException;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.CommandTimeoutException;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.HostKeyException;
import dev.provisioner.transport.SecretMasker;
import dev.provisioner.transport.UnreachableException;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code provisioner run -i INV [--limit HOSTS] [--sudo] -- CMD ARGS}: one ad-hoc command on the
 * selected hosts in parallel, through the same SSH mapping as {@code apply}; output grouped per host.
 */
@CommandLine.Command(name = "run", mixinStandardHelpOptions = true,
        header = "Run one command on the selected hosts in parallel.",
        description = "Each host's output is printed as one block headed by the host. Arguments after -- are quoted one"
                + " by one (no shell syntax); with --shell they form one shell line. The command exits 0 when the command"
                + " exited 0 on every host, 4 when it exited non-zero on one.")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT, ExitCode.UNREACHABLE, ExitCode.STEP_FAILED, ExitCode.TIMEOUT})
public final class RunCommand implements Callable<Integer>, OutputOptions.SelfRendering {
    @Mixin
    ClusterStateOptions cluster;

    @Mixin
    LimitOption limit;

    @Mixin
    ConnectOptions connect;

    @Mixin
    OutputOptions output;

    @Option(names = "--sudo", description = "run as root through the host's sudo mode")
    boolean sudo;

    @Option(names = "--shell", description = "treat the arguments as one shell line (pipes, redirections)")
    boolean shell;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "per-host command timeout (default: 300)")
    int timeoutSeconds = 300;

    @Parameters(arity = "1..*", paramLabel = "CMD", description = "the command and its arguments (after --)")
    List<String> command = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Inventory inv = cluster.loadInventory();
        List<Host> hosts = limit.hosts(inv);
        int parallel = connect.parallel();
        if (timeoutSeconds < 1) {
            err.println("error: --timeout must be at least 1");
            return ExitCodes.INVALID_INPUT;
        }
        SecretMasker masker = ApplyRun.masker(inv);
        Command cmd = command();
        Path stateDir = cluster.stateDirectory(inv);
        Optional<RunLog> log = RunLog.open(stateDir, "run", masker, err);
        log.ifPresent(l -> l.write("run on " + hosts.stream().map(Host::name).toList() + (sudo ? " as root" : "") + ": " + cmd));
        ConnectionFactory connections = new SshConnections(inv, Optional.ofNullable(connect.transport), masker);
        JsonLinesListener jsonOut = new JsonLinesListener(out);
        int threads = Math.max(1, Math.min(hosts.size(), parallel > 0 ? parallel : inv.cluster().ssh().parallelism()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Map<String, HostRun> results = new LinkedHashMap<>();
        try {
            List<Future<HostRun>> futures = new ArrayList<>();
            for (Host h : hosts) {
                futures.add(pool.submit(() -> {
                    HostRun r = runOn(connections, h, cmd, masker);
                    synchronized (out) {
                        if (output.json) {
                            jsonOut.line("HostResult", new HostRunDto(r.host(), r.status().name().toLowerCase(Locale.ROOT),
                                    r.exitCode(), r.stdout(), r.stderr(), r.message(), r.duration().toMillis()));
                        } else if (!output.quiet) {
                            block(out, r);
                        }
                    }
                    log.ifPresent(l -> {
                        StringWriter text = new StringWriter();
                        block(new PrintWriter(text), r);
                        l.write(text.toString());
                    });
                    return r;
                }));
            }
            for (int i = 0; i < hosts.size(); i++) {
                results.put(hosts.get(i).name(), futures.get(i).get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("run failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        int code = exitCode(results.values());
        String summary = summary(results.values(), code);
        if (output.json) {
            jsonOut.line("Result", new ResultDto.AdHoc(code, ExitCode.of(code).orElseThrow().label(), summary,
                    log.map(l -> l.file().toString()).orElse(null)));
        } else {
            out.println();
            out.println(summary);
            log.ifPresent(l -> out.println("Log: " + l.file()));
            out.flush();
        }
        log.ifPresent(l -> {
            l.write(summary + "\nexit code " + code);
            l.close();
        });
        return code;
    }

    private Command command() {
        Command c = shell ? Command.shell(String.join(" ", command))
                : Command.of(command.get(0), command.subList(1, command.size()).toArray(String[]::new));
        c = c.withTimeout(Duration.ofSeconds(timeoutSeconds));
        return sudo ? c.asRoot() : c;
    }

    static HostRun runOn(ConnectionFactory connections, Host host, Command cmd, SecretMasker masker) {
        long start = System.nanoTime();
        try (Connection c = connections.open(host, Endpoints.of(host))) {
            CommandResult r = c.run(cmd);
            return new HostRun(host.name(), r.ok() ? HostRun.Status.OK : HostRun.Status.FAILED, r.exitCode(),
                    masker.mask(r.stdout()), masker.mask(r.stderr()), "", since(start));
        } catch (HostKeyException | AuthenticationException | UnreachableException e) {
            return failed(host, HostRun.Status.UNREACHABLE, masker.mask(e.getMessage()), start);
        } catch (CommandTimeoutException e) {
            return failed(host, HostRun.Status.TIMEOUT, masker.mask(e.getMessage()), start);
        } catch (RuntimeException e) {
            return failed(host, HostRun.Status.ERROR, masker.mask(String.valueOf(e.getMessage())), start);
        }
    }

    private static HostRun failed(Host host, HostRun.Status status, String message, long start) {
        return new HostRun(host.name(), status, -1, "", "", message, since(start));
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** One host's block: a header, then its stdout, then its stderr marked with "!". */
    static void block(PrintWriter out, HostRun r) {
        String head = switch (r.status()) {
            case OK, FAILED -> "exit " + r.exitCode();
            case UNREACHABLE -> "UNREACHABLE";
            case TIMEOUT -> "TIMEOUT";
            case ERROR -> "ERROR";
        };
        out.printf("== %s (%s, %.1fs)%n", r.host(), head, r.duration().toMillis() / 1000.0);
        r.stdout().lines().forEach(l -> out.println("  " + l));
        r.stderr().lines().forEach(l -> out.println("! " + l));
        if (!r.message().isEmpty()) {
            out.println("error: " + r.host() + ": " + r.message().lines().findFirst().orElse("") + " (what to do: "
                    + whatToDo(r.status()) + ")");
        }
        out.flush();
    }

    private static String whatToDo(HostRun.Status status) {
        return switch (status) {
            case UNREACHABLE -> "check the address, that sshd runs, the user and key, and that the host key is in"
                    + " cluster.ssh.knownHosts";
            case TIMEOUT -> "raise --timeout, or look at what the command waits for";
            default -> "see the message; run with --debug for details";
        };
    }

    static int exitCode(Iterable<HostRun> results) {
        int code = ExitCodes.OK;
        for (HostRun r : results) {
            int c = switch (r.status()) {
                case OK -> ExitCodes.OK;
                case UNREACHABLE -> ExitCodes.UNREACHABLE;
                case FAILED, ERROR -> ExitCodes.STEP_FAILED;
                case TIMEOUT -> ExitCodes.TIMEOUT;
            };
            code = rank(c) > rank(code) ? c : code;
        }
        return code;
    }

    /** Precedence as for apply: unreachable, then failed, then timeout. */
    private static int rank(int code) {
        return switch (code) {
            case ExitCodes.UNREACHABLE -> 3;
            case ExitCodes.STEP_FAILED -> 2;
            case ExitCodes.TIMEOUT -> 1;
            default -> 0;
        };
    }

    private static String summary(Iterable<HostRun> results, int code) {
        List<String> bad = new ArrayList<>();
        int total = 0;
        int ok = 0;
        for (HostRun r : results) {
            total++;
            if (r.ok()) {
                ok++;
            } else {
                bad.add(r.host() + ": " + (r.status() == HostRun.Status.FAILED ? "exit " + r.exitCode()
                        : r.status().name().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        return String.format("run: %d host%s, %d ok%s (exit code %d)", total, total == 1 ? "" : "s", ok,
                bad.isEmpty() ? "" : ", " + bad.size() + " not ok: " + String.join(", ", bad), code);
    }
}
