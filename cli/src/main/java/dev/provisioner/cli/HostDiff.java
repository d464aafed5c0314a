package dev.provisioner.cli;

import dev.provisioner.api.StepReport;

import java.util.ArrayList;
import java.util.List;

/**
 * A file diff as the CLI prints it: its header names the host, {@code --- node01:/etc/hosts} /
 * {@code +++ node01:/etc/hosts} ({@code /dev/null} for a new file stays as it is), so every diff says
 * where it applies however the lines of parallel hosts interleave.
 */
final class HostDiff {
    private HostDiff() {
    }

    /** The lines of {@code diff} with the host named in its {@code ---}/{@code +++} headers. */
    static List<String> lines(String host, String diff) {
        List<String> out = new ArrayList<>();
        boolean header = true;
        for (String l : diff.lines().toList()) {
            if (l.startsWith("@@")) {
                header = false;
            } else if (!header && !l.startsWith(" ") && !l.startsWith("+") && !l.startsWith("-") && !l.startsWith("\\")) {
                header = true; // the next file of a multi-file diff
            }
            if (header && (l.startsWith("--- ") || l.startsWith("+++ "))) {
                String path = l.substring(4);
                out.add(l.substring(0, 4) + (path.equals("/dev/null") ? path : host + ":" + path));
            } else {
                out.add(l);
            }
        }
        return out;
    }

    /** Every diff of the step's actions, headers naming the step's host. */
    static List<String> of(StepReport step) {
        List<String> out = new ArrayList<>();
        step.actions().stream().filter(a -> !a.diff().isEmpty()).forEach(a -> out.addAll(lines(step.host(), a.diff())));
        return out;
    }
}
