package dev.provisioner.bench;

import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.StepFailure;

/**
 * What each scenario must have done on every host. A run that fails, or converges less or more
 * than its scenario says, stops the benchmark with the reason instead of being timed. Files the
 * engine writes for its own bookkeeping may come on top of the workload's, so file counts are
 * lower bounds where something changes; a no-op must write nothing at all.
 */
final class ScenarioCheck {
    /** Files the first converge writes per host: /etc/hosts, 6 configs, 2 unit files. */
    static final int FILES_PER_HOST = 9;

    private ScenarioCheck() {
    }

    static void verify(ProvisionReport report, Measurement m) {
        if (!report.ok()) {
            StepFailure f = report.failures().get(0);
            throw new BenchException(m.scenario().label() + " on " + m.hosts() + " host(s) failed: " + f.message());
        }
        int n = m.hosts();
        require(m, report.hosts().size() == n, "reported " + report.hosts().size() + " hosts");
        switch (m.scenario()) {
            case FIRST -> {
                require(m, m.changedHosts() == n, m.changedHosts() + " hosts changed");
                require(m, m.filesWritten() >= (long) FILES_PER_HOST * n, m.filesWritten() + " files written");
            }
            case NOOP, COLD_NOOP -> {
                require(m, m.changedHosts() == 0, m.changedHosts() + " hosts changed");
                require(m, m.filesWritten() == 0 && m.unitsRestarted() == 0,
                        m.filesWritten() + " files written, " + m.unitsRestarted() + " units restarted");
            }
            case CHANGED -> {
                require(m, m.changedHosts() == n, m.changedHosts() + " hosts changed");
                require(m, m.filesWritten() >= n && m.unitsRestarted() == n,
                        m.filesWritten() + " files written, " + m.unitsRestarted() + " units restarted");
            }
        }
    }

    private static void require(Measurement m, boolean condition, String what) {
        if (!condition) {
            throw new BenchException(m.scenario().label() + " on " + m.hosts() + " host(s), run " + m.run()
                    + ": expected otherwise, got " + what);
        }
    }
}
