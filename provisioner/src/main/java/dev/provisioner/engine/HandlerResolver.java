package dev.provisioner.engine;

import dev.provisioner.step.DaemonReload;
import dev.provisioner.step.EnsureUnit;
import dev.provisioner.step.InstallPackages;
import dev.provisioner.step.PutFile;
import dev.provisioner.step.RestartOnChange;
import dev.provisioner.step.RestartUnit;
import dev.provisioner.step.WaitHealthy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Turns the actions the steps returned for one host and phase into the batch to run: handlers
 * ({@link RestartOnChange}) become restarts only when something they watch changed in this run,
 * at most one restart per unit, and none for a unit this batch starts from a clean stop (the start
 * reads every file the batch wrote; a unit that may have been started behind the facts' back, by a
 * package installation or an earlier phase, keeps its restart); health checks are dropped for steps
 * that change nothing; one
 * {@link DaemonReload} is added when any unit file changed or a unit is enabled (enables run before it,
 * starts after it); and
 * everything is ordered by stage (keeping the steps' order within a stage). Pure.
 */
final class HandlerResolver {
    private HandlerResolver() {
    }

    /**
     * @param stoppedBefore true for a unit that was cleanly stopped when the facts were taken and that
     *                      nothing in this run can have started since (no package installed, not started
     *                      by an earlier phase)
     */
    static List<Planned> resolve(List<Planned> planned, Set<String> earlierPaths, Set<String> earlierPackages,
                                 Predicate<String> stoppedBefore) {
        Set<String> paths = new HashSet<>(earlierPaths);
        Set<String> packages = new HashSet<>(earlierPackages);
        List<String> unitFiles = new ArrayList<>();
        String reloadStep = null;
        for (Planned p : planned) {
            if (p.action() instanceof PutFile put) {
                paths.add(put.path());
                if (put.file().unitFile()) {
                    unitFiles.add(put.path());
                    reloadStep = reloadStep == null ? p.step() : reloadStep;
                }
            } else if (p.action() instanceof InstallPackages install) {
                packages.addAll(install.packages());
            }
        }
        boolean installs = planned.stream().anyMatch(p -> p.action() instanceof InstallPackages);
        Set<String> freshStarts = new HashSet<>();
        for (Planned p : planned) {
            if (p.action() instanceof EnsureUnit u && u.start() && !installs && stoppedBefore.test(u.unit())) {
                freshStarts.add(u.unit());
            }
        }
        List<Planned> out = new ArrayList<>();
        Map<String, Planned> restarts = new LinkedHashMap<>();
        for (Planned p : planned) {
            if (p.action() instanceof RestartOnChange h) {
                Set<String> triggers = new TreeSet<>();
                h.watchedPaths().stream().filter(paths::contains).forEach(triggers::add);
                h.watchedPackages().stream().filter(packages::contains).map(n -> "package " + n).forEach(triggers::add);
                if (!triggers.isEmpty() && !freshStarts.contains(h.unit())) {
                    restarts.putIfAbsent(h.unit(), new Planned(p.step(), new RestartUnit(h.unit(), List.copyOf(triggers))));
                }
            } else {
                out.add(p);
            }
        }
        out.addAll(restarts.values());
        List<String> enabled = new ArrayList<>();
        out = splitEnableAndStart(out, enabled);
        if (!unitFiles.isEmpty() || !enabled.isEmpty()) {
            String step = reloadStep != null ? reloadStep
                    : out.stream().filter(p -> p.action() instanceof EnsureUnit).findFirst().orElseThrow().step();
            out.add(new Planned(step, new DaemonReload(unitFiles, enabled)));
        }
        // A health check verifies its own step's change (a write, a start, a fired restart): a step
        // that changes nothing has nothing to verify, so a converged host costs no extra round trip.
        Set<String> changedSteps = new HashSet<>();
        out.stream().filter(p -> !(p.action() instanceof WaitHealthy)).forEach(p -> changedSteps.add(p.step()));
        out.removeIf(p -> p.action() instanceof WaitHealthy && !changedSteps.contains(p.step()));
        out.sort(Comparator.comparing((Planned p) -> p.action().stage()));
        return out;
    }

    /**
     * "Enable and start" as an enable (before the batch's one daemon-reload) and a start (after it), each
     * under the same step; the enabled units are added to {@code enabled}.
     */
    private static List<Planned> splitEnableAndStart(List<Planned> actions, List<String> enabled) {
        List<Planned> out = new ArrayList<>();
        for (Planned p : actions) {
            if (p.action() instanceof EnsureUnit u && u.enable()) {
                enabled.add(u.unit());
                out.add(new Planned(p.step(), new EnsureUnit(u.unit(), true, false)));
                if (u.start()) {
                    out.add(new Planned(p.step(), new EnsureUnit(u.unit(), false, true)));
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
