package dev.provisioner.inventory;

import dev.provisioner.Secret;

import java.util.List;

/**
 * The parser-neutral document both the YAML reader and the builder produce, so that one validator
 * serves both. Locations are 1-based; {@link Location#NONE} when the value was not read from a file.
 */
sealed interface Tree permits Tree.Scalar, Tree.Mapping, Tree.Sequence {

    Location location();

    /** A line and column in the source file, both 1-based; 0 when unknown. */
    record Location(int line, int column) {
        static final Location NONE = new Location(0, 0);
    }

    /** How a plain scalar would be typed by a YAML 1.1 resolver; quoted scalars are always STR. */
    enum Kind { STR, BOOL, INT, FLOAT, NULL }

    /**
     * A scalar. {@code secret} is set only by the builder, which hands over already resolved secrets.
     */
    record Scalar(String text, Kind kind, Secret secret, Location location) implements Tree {
        static Scalar string(String text) {
            return new Scalar(text, Kind.STR, null, Location.NONE);
        }
    }

    /** One key of a mapping with the position of the key itself. */
    record Entry(String key, Location keyLocation, Tree value) {}

    /** A mapping whose keys are unique strings, in document order. */
    record Mapping(List<Entry> entries, Location location) implements Tree {
        public Mapping {
            entries = List.copyOf(entries);
        }

        Tree get(String key) {
            for (Entry e : entries) {
                if (e.key().equals(key)) {
                    return e.value();
                }
            }
            return null;
        }
    }

    /** A sequence. */
    record Sequence(List<Tree> items, Location location) implements Tree {
        public Sequence {
            items = List.copyOf(items);
        }
    }
}
