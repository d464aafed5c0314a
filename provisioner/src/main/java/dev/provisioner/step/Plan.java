package dev.provisioner.step;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The ordered phases of a run. Immutable; every edit returns a new plan. Embedders extend or trim the
 * standard plan by title:
 *
 * <pre>{@code
 * Plan plan = standard.insertAfter("registry", Phase.of("my-mirror", HostSelector.roles(Role.REGISTRY), new MirrorStep()))
 *                     .remove("verify");
 * }</pre>
 */
public final class Plan {
    private final List<Phase> phases;

    private Plan(List<Phase> phases) {
        List<String> titles = phases.stream().map(Phase::title).toList();
        if (titles.stream().distinct().count() != titles.size()) {
            throw new IllegalArgumentException("phase titles must be unique: " + titles);
        }
        this.phases = List.copyOf(phases);
    }

    public static Plan of(Phase... phases) {
        return new Plan(List.of(phases));
    }

    public static Plan of(List<Phase> phases) {
        return new Plan(phases);
    }

    public List<Phase> phases() {
        return phases;
    }

    public List<String> titles() {
        return phases.stream().map(Phase::title).toList();
    }

    public Optional<Phase> phase(String title) {
        return phases.stream().filter(p -> p.title().equals(title)).findFirst();
    }

    public Plan insertBefore(String title, Phase phase) {
        List<Phase> out = new ArrayList<>(phases);
        out.add(indexOf(title), phase);
        return new Plan(out);
    }

    public Plan insertAfter(String title, Phase phase) {
        List<Phase> out = new ArrayList<>(phases);
        out.add(indexOf(title) + 1, phase);
        return new Plan(out);
    }

    public Plan append(Phase phase) {
        List<Phase> out = new ArrayList<>(phases);
        out.add(phase);
        return new Plan(out);
    }

    public Plan replace(String title, Phase phase) {
        List<Phase> out = new ArrayList<>(phases);
        out.set(indexOf(title), phase);
        return new Plan(out);
    }

    public Plan remove(String title) {
        List<Phase> out = new ArrayList<>(phases);
        out.remove(indexOf(title));
        return new Plan(out);
    }

    /** Only the phases titled in {@code titles}, in plan order; every title must exist. */
    public Plan only(Collection<String> titles) {
        titles.forEach(this::indexOf);
        return new Plan(phases.stream().filter(p -> titles.contains(p.title())).toList());
    }

    /** Every phase except those titled in {@code titles}; every title must exist. */
    public Plan skip(Collection<String> titles) {
        titles.forEach(this::indexOf);
        return new Plan(phases.stream().filter(p -> !titles.contains(p.title())).toList());
    }

    private int indexOf(String title) {
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).title().equals(title)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no phase titled '" + title + "'; the plan has " + titles());
    }

    @Override
    public String toString() {
        return "Plan" + titles();
    }
}
