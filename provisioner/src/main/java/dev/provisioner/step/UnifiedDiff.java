package dev.provisioner.step;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ({@code diff -u} style, 3 lines of context) between two texts. Pure; line-based
 * longest common subsequence, which is plenty for configuration files. Very large inputs get a
 * one-line summary instead of a quadratic computation.
 */
final class UnifiedDiff {
    private static final int CONTEXT = 3;
    private static final long MAX_CELLS = 4_000_000L;

    private UnifiedDiff() {
    }

    /** The diff from {@code before} to {@code after}, headed by {@code path}; "" when equal. */
    public static String of(String path, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(before.isEmpty() ? "/dev/null" : path).append('\n');
        out.append("+++ ").append(path).append('\n');
        if ((long) a.size() * b.size() > MAX_CELLS) {
            return out.append("@@ ").append(a.size()).append(" lines -> ").append(b.size()).append(" lines (too large to diff) @@\n").toString();
        }
        List<int[]> ops = edits(a, b);
        hunks(ops, a, b, out);
        return out.toString();
    }

    /** Edit script: each entry is {op, indexA, indexB} with op ' ', '-' or '+'. */
    private static List<int[]> edits(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<int[]> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                ops.add(new int[] {' ', i++, j++});
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new int[] {'-', i++, j});
            } else {
                ops.add(new int[] {'+', i, j++});
            }
        }
        return ops;
    }

    private static void hunks(List<int[]> ops, List<String> a, List<String> b, StringBuilder out) {
        int k = 0;
        while (k < ops.size()) {
            while (k < ops.size() && ops.get(k)[0] == ' ') {
                k++;
            }
            if (k == ops.size()) {
                return;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            int lastChange = k;
            while (end < ops.size() && (ops.get(end)[0] != ' ' || end - lastChange <= 2 * CONTEXT)) {
                if (ops.get(end)[0] != ' ') {
                    lastChange = end;
                }
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            int aStart = ops.get(start)[1];
            int bStart = ops.get(start)[2];
            int aLen = 0;
            int bLen = 0;
            StringBuilder body = new StringBuilder();
            for (int x = start; x < end; x++) {
                int[] op = ops.get(x);
                switch (op[0]) {
                    case ' ' -> { body.append(' ').append(a.get(op[1])).append('\n'); aLen++; bLen++; }
                    case '-' -> { body.append('-').append(a.get(op[1])).append('\n'); aLen++; }
                    default -> { body.append('+').append(b.get(op[2])).append('\n'); bLen++; }
                }
            }
            out.append("@@ -").append(range(aStart, aLen)).append(" +").append(range(bStart, bLen)).append(" @@\n").append(body);
            k = end;
        }
    }

    private static String range(int start, int len) {
        return (len == 0 ? start : start + 1) + "," + len;
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
