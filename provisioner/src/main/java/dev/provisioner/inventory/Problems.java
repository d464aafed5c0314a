package dev.provisioner.inventory;

import dev.provisioner.inventory.Tree.Location;
import dev.provisioner.inventory.ValidationProblem.Severity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects problems during one load. Remembers where each YAML path was read so that cross-field
 * rules, which only see the model, can still point at a line and column. Identical problems (a bad
 * value under {@code defaults} seen by every host) are reported once.
 */
final class Problems {
    private final String file;
    private final Set<ValidationProblem> found = new LinkedHashSet<>();
    private final Map<String, Location> locations = new HashMap<>();

    Problems(String file) {
        this.file = file;
    }

    void remember(String path, Location location) {
        locations.putIfAbsent(path, location);
    }

    void error(String path, Location at, String message, String hint) {
        add(path, at, message, hint, Severity.ERROR);
    }

    void warning(String path, Location at, String message, String hint) {
        add(path, at, message, hint, Severity.WARNING);
    }

    /** An error at a path read earlier; falls back to the nearest remembered ancestor's location. */
    void errorAt(String path, String message, String hint) {
        add(path, locationOf(path), message, hint, Severity.ERROR);
    }

    void warningAt(String path, String message, String hint) {
        add(path, locationOf(path), message, hint, Severity.WARNING);
    }

    /** True when a value was read at exactly this path. */
    boolean knows(String path) {
        return locations.containsKey(path);
    }

    boolean hasErrors() {
        return found.stream().anyMatch(ValidationProblem::isError);
    }

    List<ValidationProblem> all() {
        return new ArrayList<>(found);
    }

    List<ValidationProblem> warnings() {
        return found.stream().filter(p -> !p.isError()).toList();
    }

    Location locationOf(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Location l = locations.get(p);
            if (l != null) {
                return l;
            }
            p = parent(p);
        }
        return locations.getOrDefault("", Location.NONE);
    }

    private void add(String path, Location at, String message, String hint, Severity severity) {
        Location l = at == null ? Location.NONE : at;
        found.add(new ValidationProblem(file, l.line(), l.column(), path, field(path), message, hint, severity));
    }

    static String parent(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut < 0 ? "" : path.substring(0, cut);
    }

    static String field(String path) {
        String p = path.replaceAll("(\\[[0-9]+])+$", "");
        return p.substring(p.lastIndexOf('.') + 1);
    }
}
