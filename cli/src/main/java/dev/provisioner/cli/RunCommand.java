package dev.provisioner.cli;

import dev.provisioner.api.CommandOutcome;
import dev.provisioner.api.InvalidSetupException;
import dev.provisioner.api.Provisioner;
import dev.provisioner.api.RemoteCommand;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.SecretMasker;
import dev.provisioner.transport.TransportKind;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code provisioner run -i INV [--limit HOSTS] [--sudo] -- CMD ARGS}: one ad-hoc command on the
 * selected hosts in parallel, through the same SSH mapping as {@code apply}; output grouped per host.
 */
@CommandLine.Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run one command on the selected hosts in parallel; print each host's output as a block.",
                "Arguments after -- are quoted one by one (no shell syntax); with --shell they form one shell line."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the command exited 0 on every host", "2:invalid inventory or options; nothing was contacted",
                "3:a host could not be reached (or refused auth, or its host key is unknown/changed)",
                "4:the command exited non-zero on a host", "5:the command timed out on a host"})
public final class RunCommand implements Callable<Integer> {
    @Option(names = {"-i", "--inventory"}, required = true, paramLabel = "FILE", description = "inventory YAML file")
    Path inventory;

    @Option(names = "--limit", split = ",", paramLabel = "HOSTS",
            description = "host names or roles (master, node, registry, etcd), comma separated (default: every host)")
    List<String> limit = new ArrayList<>();

    @Option(names = "--sudo", description = "run as root through the host's sudo mode")
    boolean sudo;

    @Option(names = "--shell", description = "treat the arguments as one shell line (pipes, redirections)")
    boolean shell;

    @Option(names = "--parallel", paramLabel = "N", description = "hosts at once (default: cluster.ssh.parallelism)")
    int parallel;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "per-host command timeout (default: 300)")
    int timeoutSeconds = 300;

    @Option(names = "--transport", paramLabel = "sshj|jsch", converter = RunOptions.TransportKindConverter.class,
            description = "SSH library for every host (default: the inventory's)")
    TransportKind transport;

    @Option(names = "--state", paramLabel = "DIR", description = "cluster state directory, for the log file"
            + " (default: .provisioner/<cluster name>/ next to the inventory)")
    Path state;

    @Option(names = "--json", description = "one JSON line per host, then the result")
    boolean json;

    @Option(names = "--debug", description = "print stack traces of unexpected errors")
    boolean debug;

    @Parameters(arity = "1..*", paramLabel = "CMD", description = "the command and its arguments (after --)")
    List<String> command = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Inventory> loaded = InventoryFile.load(inventory, err);
        if (loaded.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        Inventory inv = loaded.get();
        List<Host> hosts;
        try {
            hosts = HostSelection.select(inv, limit);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        if (timeoutSeconds < 1 || parallel < 0) {
            err.println("error: --timeout must be at least 1 and --parallel at least 1");
            return ExitCodes.INVALID_INPUT;
        }
        SecretMasker masker = ApplyRun.masker(inv);
        Command cmd = command();
        Path stateDir = state != null ? state : ClusterStateOptions.defaultStateDirectory(inventory, inv.cluster().name());
        Optional<RunLog> log = RunLog.open(stateDir, "run", masker, err);
        log.ifPresent(l -> l.write("run on " + hosts.stream().map(Host::name).toList() + (sudo ? " as root" : "") + ": " + cmd));
        JsonLinesListener jsonOut = new JsonLinesListener(out);
        Map<String, HostRun> results = new LinkedHashMap<>();
        Provisioner p;
        try {
            p = Provisioner.builder().inventory(inv).stateDirectory(stateDir).limitHosts(hosts.stream().map(Host::name).toList())
                    .parallelism(parallel).transport(transport).build();
        } catch (InvalidSetupException e) {
            err.println("error: " + String.join("; ", e.problems()));
            return ExitCodes.INVALID_INPUT;
        }
        for (CommandOutcome o : p.run(remoteCommand(), o -> {
            HostRun r = hostRun(o);
            if (json) {
                jsonOut.line("HostResult", r);
            } else {
                block(out, r);
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
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("exitCode", code);
            result.put("summary", summary);
            log.ifPresent(l -> result.put("log", l.file().toString()));
            jsonOut.line("Result", result);
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
