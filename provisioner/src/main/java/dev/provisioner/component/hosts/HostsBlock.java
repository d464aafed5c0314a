package dev.provisioner.component.hosts;

import java.util.ArrayList;
import java.util.List;

/**
 * Replaces (or appends) the provisioner's managed block in an /etc/hosts text, leaving every other
 * line exactly as it was. Pure.
 */
public final class HostsBlock {
    static final String BEGIN = "# BEGIN provisioner managed block";
    static final String END = "# END provisioner managed block";

    private HostsBlock() {
    }

    /** {@code existing} with its managed block replaced by {@code block} (which has BEGIN/END lines). */
    public static String merge(String existing, String block) {
        List<String> lines = new ArrayList<>(List.of(existing.split("\n", -1)));
        if (existing.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        if (existing.isEmpty()) {
            lines.clear();
        }
        int begin = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (begin < 0 && lines.get(i).startsWith(BEGIN)) {
                begin = i;
            } else if (begin >= 0 && lines.get(i).startsWith(END)) {
                end = i;
                break;
            }
        }
        List<String> blockLines = List.of(block.strip().split("\n"));
        if (begin >= 0 && end > begin) {
            List<String> out = new ArrayList<>(lines.subList(0, begin));
            out.addAll(blockLines);
            out.addAll(lines.subList(end + 1, lines.size()));
            return String.join("\n", out) + "\n";
        }
        List<String> out = new ArrayList<>(lines);
        out.addAll(blockLines);
        return String.join("\n", out) + "\n";
    }
}
