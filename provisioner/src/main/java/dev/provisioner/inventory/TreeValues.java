package dev.provisioner.inventory;

import dev.provisioner.Secret;
import dev.provisioner.inventory.Tree.Kind;
import dev.provisioner.inventory.Tree.Location;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Converts the builder's plain Java values into the document tree the validator reads. */
final class TreeValues {
    private TreeValues() {}

    static Tree of(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<Tree.Entry> entries = new ArrayList<>();
            map.forEach((k, v) -> entries.add(new Tree.Entry(String.valueOf(k), Location.NONE, of(v))));
            return new Tree.Mapping(entries, Location.NONE);
        }
        if (value instanceof Collection<?> items) {
            return new Tree.Sequence(items.stream().map(TreeValues::of).toList(), Location.NONE);
        }
        if (value == null) {
            return new Tree.Scalar("", Kind.NULL, null, Location.NONE);
        }
        if (value instanceof Secret s) {
            return new Tree.Scalar("******", Kind.STR, s, Location.NONE);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return new Tree.Scalar(value.toString(), Kind.INT, null, Location.NONE);
        }
        if (value instanceof Boolean) {
            return new Tree.Scalar(value.toString(), Kind.BOOL, null, Location.NONE);
        }
        if (value instanceof Enum<?> e) {
            return Tree.Scalar.string(Fields.yamlName(e));
        }
        return Tree.Scalar.string(value.toString());
    }
}
