package dev.provisioner.inventory;

import dev.provisioner.inventory.Tree.Entry;
import dev.provisioner.inventory.Tree.Kind;
import dev.provisioner.inventory.Tree.Location;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;


/**
 * The only place SnakeYAML is used. Safe by construction: the document is composed to a node tree and
 * never constructed into objects; explicit tags are refused; aliases, nesting, size, the number of
 * values after alias expansion and duplicate keys are limited; characters YAML does not allow are
 * reported at their line and column; every error carries a 1-based line and column when YAML gives one.
 */
final class YamlTrees {
    /** Largest inventory accepted, in bytes (and code points). */
    static final int MAX_SIZE = 1024 * 1024;
    /** Most values (scalars, lists, maps) the document may hold once aliases are expanded. */
    static final int MAX_VALUES = 100_000;

    private YamlTrees() {}

    /** Reads {@code text}; returns null after reporting when it is not a usable document. */
    static Tree read(String text, Problems problems) {
        if (text.length() > MAX_SIZE) {
            problems.error("", Location.NONE, "the file is larger than 1 MiB", "an inventory is a few kilobytes; check that this is the right file");
            return null;
        }
        Yaml yaml = new Yaml(new SafeConstructor(options()));
        try {
            if (!tagsAbsent(yaml, text, problems)) {
                return null;
            }
            Node root = yaml.compose(new StringReader(text));
            if (root == null) {
                problems.error("", new Location(1, 1), "the inventory is empty", "start from inventories/blog-2018.yaml");
                return null;
            }
            return convert(root, problems, new IdentityHashMap<>(), new int[] {0});
        } catch (Refused e) {
            problems.error("", e.at, e.getMessage(), e.fix);
        } catch (ReaderException e) {
            int at = firstUnprintable(text);
            problems.error("", locate(text, at), "the file contains the character " + String.format("U+%04X", text.codePointAt(at))
                    + ", which YAML does not allow", "remove it: an inventory holds printable text only");
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getContext() == null ? String.valueOf(e.getProblem())
                    : e.getProblem() == null ? e.getContext() : e.getContext() + ", " + e.getProblem();
            problems.error("", at(mark), "malformed YAML: " + oneLine(what), "check indentation, colons and quoting near this position");
        } catch (RuntimeException e) {
            YamlLimits.Breach breach = YamlLimits.find(yaml, text).orElse(new YamlLimits.Breach(Location.NONE,
                    "malformed YAML: " + oneLine(String.valueOf(e.getMessage())), "simplify the document: at most "
                    + YamlLimits.MAX_ALIASES + " aliases and " + YamlLimits.MAX_DEPTH + " levels of nesting"));
            problems.error("", breach.at(), breach.message(), breach.fix());
        }
        return null;
    }

    private static LoaderOptions options() {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(false);
        o.setMaxAliasesForCollections(YamlLimits.MAX_ALIASES);
        o.setAllowRecursiveKeys(false);
        o.setNestingDepthLimit(YamlLimits.MAX_DEPTH);
        o.setCodePointLimit(MAX_SIZE);
        o.setProcessComments(false);
        return o;
    }

    /** Explicit tags ({@code !!java...}, {@code !foo}, even {@code !!str}) have no place in an inventory. */
    private static boolean tagsAbsent(Yaml yaml, String text, Problems problems) {
        boolean clean = true;
        for (Event e : yaml.parse(new StringReader(text))) {
            String tag = e instanceof ScalarEvent s ? s.getTag()
                    : e instanceof CollectionStartEvent c ? c.getTag() : null;
            if (tag != null) {
                String shown = tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
                problems.error("", at(e.getStartMark()), "explicit YAML tag " + Complaint.show(shown) + " is not allowed",
                        "remove the tag; an inventory holds only strings, numbers, booleans, lists and maps");
                clean = false;
            }
        }
        return clean;
    }

    private static Tree convert(Node node, Problems problems, Map<Node, Boolean> onPath, int[] values) {
        if (onPath.containsKey(node)) {
            throw new Refused(at(node.getStartMark()), "recursive alias: the list or map anchored here contains an alias to itself",
                    "an alias cannot stand inside the list or map it names");
        }
        Location loc = at(node.getStartMark());
        if (++values[0] > MAX_VALUES) {
            throw new Refused(loc, "the document expands to more than " + MAX_VALUES + " values through aliases",
                    "an inventory is a few kilobytes; do not repeat large lists or maps through aliases");
        }
        if (node instanceof ScalarNode s) {
            return new Tree.Scalar(s.getValue(), s.isPlain() ? kind(s.getTag()) : Kind.STR, null, loc);
        }
        onPath.put(node, Boolean.TRUE);
        try {
            if (node instanceof SequenceNode seq) {
                List<Tree> items = new ArrayList<>();
                for (Node item : seq.getValue()) {
                    items.add(convert(item, problems, onPath, values));
                }
                return new Tree.Sequence(items, loc);
            }
            MappingNode map = (MappingNode) node;
            List<Entry> entries = new ArrayList<>();
            Map<String, Location> seen = new HashMap<>();
            for (NodeTuple t : map.getValue()) {
                Location keyLoc = at(t.getKeyNode().getStartMark());
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    problems.error("", keyLoc, "a key must be a plain string, not a list or map", "write the key as a word followed by ':'");
                    continue;
                }
                Location first = seen.putIfAbsent(k.getValue(), keyLoc);
                if (first != null) {
                    problems.error("", keyLoc, "duplicate key " + Complaint.show(k.getValue()) + " (first defined at line " + first.line() + ")",
                            "remove one of the two; YAML keeps only one of them");
                    continue;
                }
                entries.add(new Entry(k.getValue(), keyLoc, convert(t.getValueNode(), problems, onPath, values)));
            }
            return new Tree.Mapping(entries, loc);
        } finally {
            onPath.remove(node);
        }
    }

    private static Kind kind(Tag tag) {
        if (Tag.BOOL.equals(tag)) {
            return Kind.BOOL;
        } else if (Tag.INT.equals(tag)) {
            return Kind.INT;
        } else if (Tag.FLOAT.equals(tag)) {
            return Kind.FLOAT;
        } else if (Tag.NULL.equals(tag)) {
            return Kind.NULL;
        }
        return Kind.STR;
    }

    private static Location at(Mark mark) {
        return YamlLimits.at(mark);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    /** Index of the first character SnakeYAML's reader refuses (it reports no line), or 0. */
    private static int firstUnprintable(String text) {
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            if (!StreamReader.isPrintable(text.codePointAt(i))) {
                return i;
            }
        }
        return 0;
    }

    /** 1-based line and column of a character index, counting only '\n' as a line break (as editors do). */
    static Location locate(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(line, text.codePointCount(lineStart, index) + 1);
    }

    /** Thrown while converting: a recursive alias, or alias expansion makes the document too large. */
    private static final class Refused extends RuntimeException {
        private final transient Location at;
        private final String fix;

        Refused(Location at, String message, String fix) {
            super(message, null, false, false);
            this.at = at;
            this.fix = fix;
        }
    }

}
