package dev.provisioner.cli;

import dev.provisioner.connect.Endpoints;
import dev.provisioner.api.ProvisionListener;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.cli.json.ReportDto;
import dev.provisioner.cli.json.ResultDto;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.transport.SecretMasker;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one code path that applies an inventory from the command line, used by {@code apply} and
 * {@code lab up}: progress in the chosen output mode, a log file under the state directory, the
 * summary tables and the documented exit code.
 */
final class ApplyRun {
    private ApplyRun() {
    }

    static int apply(RunOptions run, OutputOptions output, String command, PrintWriter out, PrintWriter err) {
        return apply(run, output, command, out, err, Provisioner::apply);
    }

    /** As {@link #apply}, running {@code action} (apply, or a rolling upgrade) on the built provisioner. */
    static int apply(RunOptions run, OutputOptions output, String command, PrintWriter out, PrintWriter err,
                     java.util.function.Function<Provisioner, ProvisionReport> action) {
        Optional<Inventory> loaded = quietLoad(run.inventory());
        Optional<RunLog> log = loaded.flatMap(inv -> RunLog.open(stateDirectory(run, inv), command, masker(inv), err));
        ProvisionListener display = output.display(out);
        List<ProvisionListener> listeners = new ArrayList<>();
        listeners.add(display);
        log.ifPresent(listeners::add);
        try {
            // An inventory that did not load is read again there, which prints its problems.
            Optional<Provisioner> p = loaded.isPresent() ? run.provisioner(err, listeners, loaded.get()) : run.provisioner(err, listeners);
            if (p.isEmpty()) {
                log.ifPresent(l -> l.write("the inventory or options are invalid; no host was contacted"));
                return ExitCodes.INVALID_INPUT;
            }
            List<String> order = p.get().phaseTitles();
            ProvisionReport report;
            try (InterruptOnSignal signal = InterruptOnSignal.install(err)) {
                report = action.apply(p.get());
                // An interrupted run returns with the flag set; clear it so the summary and log still get written.
                Thread.interrupted();
                return finish(report, order, output, display, log, out);
            }
        } catch (RuntimeException e) {
            log.ifPresent(l -> l.write("error: " + e));
            throw e;
        } finally {
            if (display instanceof AutoCloseable c) {
                closeQuietly(c);
            }
            log.ifPresent(RunLog::close);
        }
    }

    private static int finish(ProvisionReport report, List<String> order, OutputOptions output, ProvisionListener display,
                              Optional<RunLog> log, PrintWriter out) {
        int code = ReportVerdict.exitCode(report);
        String verdict = verdict(report, code);
        if (output.json) {
            JsonLinesListener json = (JsonLinesListener) display;
            json.line("Report", ReportDto.of(report));
            json.line("Result", new ResultDto.Run(code, ExitCode.of(code).map(ExitCode::label).orElse(""), verdict,
                    Summary.phaseResults(report, order), log.map(l -> l.file().toString()).orElse(null)));
        } else {
            if (!output.quiet) {
                Summary.print(out, report, order);
                out.println();
            }
            out.println(verdict);
            log.ifPresent(l -> out.println("Log: " + l.file()));
            out.flush();
        }
        log.ifPresent(l -> {
            StringWriter summary = new StringWriter();
            Summary.print(new PrintWriter(summary), report, order);
            l.write(summary + "\n" + verdict + "\nexit code " + code);
        });
        return code;
    }

    /** The last line of a run: whether everything asked for was done, and if not, what kind of not. */
    static String verdict(ProvisionReport report, int code) {
        long incomplete = Summary.phaseResults(report, List.of()).values().stream().filter(r -> r.startsWith("incomplete")).count();
        return switch (code) {
            case ExitCodes.OK -> "Done: every phase completed.";
            case ExitCodes.INCOMPLETE -> "Incomplete (exit code " + code + "): every phase that could run here completed; "
                    + incomplete + " phase(s) need release files that are missing (listed above). Supply them with"
                    + " --artifacts DIR and run again.";
            case ExitCodes.UNREACHABLE -> "Failed (exit code " + code + "): a host could not be reached (see the errors above).";
            case ExitCodes.TIMEOUT -> "Failed (exit code " + code + "): a step timed out (see the errors above).";
            case ExitCodes.LOCKED -> "Refused (exit code " + code + "): another run holds the lock of a host (named above);"
                    + " nothing was changed.";
            case ExitCodes.INTERRUPTED -> "Interrupted (exit code " + code + "): the running phase finished its current"
                    + " step; later phases were not run. Run again to converge.";
            default -> "Failed (exit code " + code + "): a step failed (see the errors above).";
        };
    }

    static Path stateDirectory(RunOptions run, Inventory inv) {
        return run.stateDirectory(inv);
    }

    static SecretMasker masker(Inventory inv) {
        SecretMasker masker = new SecretMasker();
        Endpoints.registerSecrets(inv, masker);
        return masker;
    }

    /** The inventory when it loads; empty otherwise (the run itself then reports every problem). */
    static Optional<Inventory> quietLoad(Path file) {
        try {
            return Optional.of(Inventory.load(file));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // only the live display's ticker; nothing to report
        }
    }
}
