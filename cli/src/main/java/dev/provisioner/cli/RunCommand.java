package dev.provisioner.cli;

import dev.provisioner.api.CommandOutcome;
import dev.provisioner.api.InvalidSetupException;
import dev.provisioner.api.Provisioner;
import dev.provisioner.api.RemoteCommand;
import dev.provisioner.cli.json.HostRunDto;
import dev.provisioner.cli.json.ResultDto;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.transport.SecretMasker;
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
        Path stateDir = cluster.stateDirectory(inv);
        Optional<RunLog> log = RunLog.open(stateDir, "run", masker, err);
        RemoteCommand cmd = remoteCommand();
        log.ifPresent(l -> l.write("run on " + hosts.stream().map(Host::name).toList() + (sudo ? " as root" : "") + ": " + cmd));
        JsonLinesListener jsonOut = new JsonLinesListener(out);
        Map<String, HostRun> results = new LinkedHashMap<>();
        Provisioner p;
        try {
            p = Provisioner.builder().inventory(cluster.facadeInventory()).stateDirectory(stateDir).limitHosts(hosts.stream().map(Host::name).toList())
                    .parallelism(parallel).transport(connect.transport)
                    .insecureAcceptAnyHostKey(connect.insecureAcceptAnyHostKey).build();
        } catch (InvalidSetupException e) {
            err.println("error: " + String.join("; ", e.problems()));
            return ExitCodes.INVALID_INPUT;
        }
        for (CommandOutcome o : p.run(cmd, o -> {
            HostRun r = hostRun(o);
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
        })) {
            results.put(o.host(), hostRun(o));
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

    private RemoteCommand remoteCommand() {
        RemoteCommand c = shell ? RemoteCommand.shell(String.join(" ", command))
                : RemoteCommand.of(command.get(0), command.subList(1, command.size()).toArray(String[]::new));
        c = c.withTimeout(Duration.ofSeconds(timeoutSeconds));
        return sudo ? c.asRoot() : c;
    }

    /** The library's outcome as this command prints it: its kind of failure decides the status, never its message. */
    static HostRun hostRun(CommandOutcome o) {
        HostRun.Status status = o.failure().map(k -> switch (k) {
            case STEP_FAILED -> o.exitCode() >= 0 ? HostRun.Status.FAILED : HostRun.Status.ERROR;
            case UNREACHABLE, HOST_KEY, AUTH -> HostRun.Status.UNREACHABLE;
            case TIMEOUT -> HostRun.Status.TIMEOUT;
            default -> HostRun.Status.ERROR;
        }).orElse(HostRun.Status.OK);
        return new HostRun(o.host(), status, o.exitCode(), o.stdout(), o.stderr(), o.message(), o.duration());
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
