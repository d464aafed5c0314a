package dev.provisioner.step;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unified diff ({@code diff -u} style, 3 lines of context) between two texts, computed by
 * <a href="https://github.com/java-diff-utils/java-diff-utils">java-diff-utils</a> (Myers' algorithm,
 * so large files cost time proportional to their size and the number of changes). Pure.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;
    /** java-diff-utils numbers an empty side's range from 1; {@code diff -u} (and patch) expect 0 there. */
    private static final Pattern EMPTY_RANGE = Pattern.compile("([-+])1,0 ");

    private UnifiedDiff() {
    }

    /** The diff from {@code before} to {@code after}, headed by {@code path}; "" when equal. */
    public static String of(String path, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(before.isEmpty() ? "/dev/null" : path, path, a, patch, CONTEXT);
        StringBuilder out = new StringBuilder();
        for (String line : diff) {
            out.append(line.startsWith("@@ ") ? emptyRangesFromZero(line) : line).append('\n');
        }
        return out.toString();
    }

    private static String emptyRangesFromZero(String header) {
        return EMPTY_RANGE.matcher(header).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "0,0 "));
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            out.remove(out.size() - 1);
        } else {
            out.set(out.size() - 1, out.get(out.size() - 1) + "\n\\ No newline at end of file");
        }
        return out;
    }
}
