package dev.provisioner.inventory;

import dev.provisioner.inventory.Tree.Location;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;

import java.io.StringReader;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The structural limits of an inventory document (aliases of lists or maps, nesting depth) and where
 * a document first breaks one: SnakeYAML enforces them while composing but reports no position, so
 * the event stream is walked again to find the line and column of the offending alias or collection.
 */
final class YamlLimits {
    /** Most aliases that refer to a list or map. */
    static final int MAX_ALIASES = 10;
    /** Most levels of lists and maps inside each other. */
    static final int MAX_DEPTH = 30;

    /** A broken limit: where, what, and the fix. */
    record Breach(Location at, String message, String fix) {
    }

    private YamlLimits() {
    }

    /** The first place {@code text} breaks a limit, or empty (then the failure was something else). */
    static Optional<Breach> find(Yaml yaml, String text) {
        Set<String> collectionAnchors = new HashSet<>();
        int depth = 0;
        int aliases = 0;
        try {
            for (Event e : yaml.parse(new StringReader(text))) {
                if (e instanceof CollectionStartEvent c) {
                    if (c.getAnchor() != null) {
                        collectionAnchors.add(c.getAnchor());
                    }
                    if (++depth > MAX_DEPTH) {
                        return Optional.of(new Breach(at(e.getStartMark()), "more than " + MAX_DEPTH + " levels of nesting",
                                "an inventory needs a few levels of lists and maps; look for unbalanced brackets"));
                    }
                } else if (e instanceof CollectionEndEvent) {
                    depth--;
                } else if (e instanceof AliasEvent a && collectionAnchors.contains(a.getAnchor()) && ++aliases > MAX_ALIASES) {
                    return Optional.of(new Breach(at(e.getStartMark()), "more than " + MAX_ALIASES + " aliases of lists or maps",
                            "write the repeated values out, or use at most " + MAX_ALIASES + " such aliases"));
                }
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static Location at(Mark mark) {
        return mark == null ? Location.NONE : new Location(mark.getLine() + 1, mark.getColumn() + 1);
    }
}
