package dev.provisioner.ops.savedplan;

import dev.provisioner.engine.ActionRecord;
import dev.provisioner.engine.FactsGate;
import dev.provisioner.engine.RunOutcome;
import dev.provisioner.engine.StepRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Making and checking saved plans: the gate that records each host's facts in a plan run, the plan built
 * from that run, the comparison of a saved plan with a fresh one, and the gate that refuses an apply run
 * in its preflight when a host's facts are no longer the saved ones.
 */
public final class SavedPlans {
    /** At most this many differences are named per host. */
    static final int SHOWN = 5;

    private SavedPlans() {
    }

    /** A gate that lets the run go on and keeps every host's {@link FactLines} in {@code into}. */
    public static FactsGate recording(Map<String, SortedMap<String, String>> into) {
        return (host, facts) -> {
            into.put(host, FactLines.of(facts));
            return Optional.empty();
        };
    }

    /** A map for {@link #recording}, safe to fill from the run's worker threads. */
    public static Map<String, SortedMap<String, String>> factsHolder() {
        return new ConcurrentHashMap<>();
    }

    /** A gate that refuses a host whose facts differ from those in {@code saved}, naming what differs. */
    public static FactsGate matching(SavedPlan saved) {
        return (host, facts) -> {
            List<String> d = SavedPlan.differences(saved.facts().getOrDefault(host, new TreeMap<>()), FactLines.of(facts));
            return d.isEmpty() ? Optional.empty()
                    : Optional.of("the host changed since the plan was saved: " + shown(d) + "; nothing was changed");
        };
    }

    /** Every action of a plan run per host, one line each (see {@link SavedPlan#actions()}). */
    public static SortedMap<String, List<String>> actions(RunOutcome outcome) {
        SortedMap<String, List<String>> out = new TreeMap<>();
        for (StepRecord r : outcome.steps()) {
            List<String> lines = out.computeIfAbsent(r.host(), h -> new ArrayList<>());
            for (ActionRecord a : r.actions()) {
                lines.add(r.phase() + " / " + r.step() + " / " + a.kind() + " / " + a.description()
                        + (a.diff().isEmpty() ? "" : " / diff sha256:" + PlanInputs.sha256(a.diff().getBytes(StandardCharsets.UTF_8))));
            }
        }
        return out;
    }

    /**
     * What differs between the saved plan and one computed now: the inputs (inventory, templates, desired
     * files) first, then per host its facts and actions; each line names the host or input. Empty: the same plan.
     */
    public static List<String> differences(SavedPlan saved, SavedPlan now) {
        List<String> out = new ArrayList<>();
        if (!saved.inventory().equals(now.inventory())) {
            out.add("the inventory changed since the plan was saved (" + saved.inventory() + ", now " + now.inventory() + ")");
        }
        SavedPlan.differences(saved.templates(), now.templates()).forEach(d -> out.add("template " + d));
        List<String> desired = SavedPlan.differences(saved.desired(), now.desired());
        if (!desired.isEmpty()) {
            out.add("the files the plan renders changed: " + shown(desired));
        }
        TreeMap<String, Boolean> hosts = new TreeMap<>();
        saved.facts().keySet().forEach(h -> hosts.put(h, true));
        now.facts().keySet().forEach(h -> hosts.put(h, true));
        saved.actions().keySet().forEach(h -> hosts.put(h, true));
        now.actions().keySet().forEach(h -> hosts.put(h, true));
        for (String h : hosts.keySet()) {
            List<String> facts = SavedPlan.differences(saved.facts().getOrDefault(h, new TreeMap<>()),
                    now.facts().getOrDefault(h, new TreeMap<>()));
            if (!facts.isEmpty()) {
                out.add(h + ": the host changed since the plan was saved: " + shown(facts));
            }
            List<String> was = saved.actions().getOrDefault(h, List.of());
            List<String> is = now.actions().getOrDefault(h, List.of());
            if (!was.equals(is)) {
                List<String> gone = new ArrayList<>(was);
                gone.removeAll(is);
                List<String> added = new ArrayList<>(is);
                added.removeAll(was);
                out.add(h + ": the actions differ from the saved plan (saved only: " + shown(gone) + "; now only: " + shown(added) + ")");
            }
        }
        return out;
    }

    private static String shown(List<String> items) {
        if (items.isEmpty()) {
            return "none";
        }
        String s = String.join("; ", items.subList(0, Math.min(SHOWN, items.size())));
        return items.size() > SHOWN ? s + "; and " + (items.size() - SHOWN) + " more" : s;
    }
}
