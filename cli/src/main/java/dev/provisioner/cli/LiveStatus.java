package dev.provisioner.cli;

import dev.provisioner.api.ProvisionEvent;
import dev.provisioner.api.ProvisionListener;
import dev.provisioner.api.StepStatus;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress on an interactive terminal: one line per host (phase, step, elapsed) redrawn in place
 * with ANSI cursor movement, twice a second; finished phases and failures scroll above the block.
 */
final class LiveStatus implements ProvisionListener, AutoCloseable {
    private static final String UP_AND_CLEAR = "\033[1A\033[2K";
    private final PrintWriter out;
    private final boolean verbose;
    private final Map<String, HostLine> hosts = new LinkedHashMap<>();
    private ScheduledExecutorService ticker;
    private int drawn;

    LiveStatus(PrintWriter out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    /** Where one host is. */
    private static final class HostLine {
        String phase = "";
        String step = "waiting";
        String state = "waiting";
        long since = System.nanoTime();
        double frozen = -1;
    }

    @Override
    public synchronized void onEvent(ProvisionEvent event) {
        long now = System.nanoTime();
        if (event instanceof ProvisionEvent.RunStarted r) {
            r.hosts().forEach(h -> hosts.put(h, new HostLine()));
            startTicker();
        } else if (event instanceof ProvisionEvent.HostStarted h) {
            HostLine l = line(h.host());
            l.phase = h.phase();
            l.step = "facts";
            l.state = "running";
            l.since = now;
            l.frozen = -1;
        } else if (event instanceof ProvisionEvent.StepStarted s) {
            HostLine l = line(s.host());
            l.step = s.step();
            l.since = now;
        } else if (event instanceof ProvisionEvent.StepFinished f) {
            List<String> diff = HostDiff.of(f.report());
            if (!diff.isEmpty()) {
                permanent(String.format("  ~ %s %s/%s", f.report().host(), f.report().phase(), f.report().step()));
                diff.forEach(l -> out.println("    " + l));
            }
            if (f.report().status() == StepStatus.FAILED) {
                f.report().failure().ifPresent(x -> permanent("  FAILED " + ReportVerdict.oneLine(x)));
            }
        } else if (event instanceof ProvisionEvent.HostFinished h) {
            HostLine l = line(h.host());
            l.state = h.ok() ? "ok" : "FAILED";
            l.frozen = h.duration().toMillis() / 1000.0;
        } else if (event instanceof ProvisionEvent.PhaseFinished p) {
            permanent(String.format("%-6s %s (%.1fs)", p.ok() ? "done" : "FAILED", p.phase(), p.duration().toMillis() / 1000.0));
        } else if (verbose && event instanceof ProvisionEvent.ActionEvent a) {
            permanent("  " + a.host() + " -> " + a.action().description());
        } else if (verbose && event instanceof ProvisionEvent.OutputLine o) {
            permanent("  " + o.host() + (o.stderr() ? " ! " : " | ") + o.line());
        } else if (event instanceof ProvisionEvent.RunFinished) {
            redraw();
            close();
            return;
        }
        redraw();
    }

    private HostLine line(String host) {
        return hosts.computeIfAbsent(host, h -> new HostLine());
    }

    private void permanent(String text) {
        clear();
        out.println(text);
        drawn = 0;
    }

    private synchronized void redraw() {
        clear();
        List<String> lines = new ArrayList<>();
        long now = System.nanoTime();
        hosts.forEach((name, l) -> {
            double elapsed = l.frozen >= 0 ? l.frozen : (now - l.since) / 1e9;
            lines.add(String.format("  %-14s %-8s %-18s %-24s %6.1fs", name, l.state, l.phase, l.step, elapsed));
        });
        lines.forEach(out::println);
        drawn = lines.size();
        out.flush();
    }

    private void clear() {
        for (int i = 0; i < drawn; i++) {
            out.print(UP_AND_CLEAR);
        }
        drawn = 0;
    }

    private void startTicker() {
        if (ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "provisioner-live-status");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::redraw, 500, 500, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }
}
