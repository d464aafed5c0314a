package dev.provisioner.bench;

import dev.provisioner.bench.reference.Ratio;
import dev.provisioner.bench.reference.RefRow;
import dev.provisioner.bench.reference.Reference;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The table's comparison for one host count: per scenario ours beside each reference (wall
 * seconds / lab-host CPU ms per host, medians) and the ratios ours/reference, then the ssh
 * clients' CPU the references cost the controller machine.
 */
final class ReferenceSection {
    private ReferenceSection() {
    }

    static void render(StringBuilder s, int n, List<Row> block, List<RefRow> refs) {
        List<RefRow> mine = refs.stream().filter(r -> r.hosts() == n).toList();
        if (mine.isEmpty()) {
            return;
        }
        s.append("  beside the references (medians: wall s / lab hosts' CPU ms per host; ratio = ours / reference):\n");
        s.append(String.format(Locale.ROOT, "    %-18s %-16s", "scenario", "ours"));
        for (Reference ref : Reference.values()) {
            s.append(String.format(Locale.ROOT, " %-16s %-15s", ref.label(), "ratio wall, CPU"));
        }
        s.append('\n');
        for (Row r : block) {
            s.append(String.format(Locale.ROOT, "    %-18s %-16s", r.scenario().label(), pair(r.wall().median(),
                    r.hostCpuMs().median())));
            for (Reference ref : Reference.values()) {
                Optional<RefRow> beside = Ratio.beside(r, ref, mine);
                Ratio ratio = Ratio.of(r, ref, mine);
                s.append(String.format(Locale.ROOT, " %-16s %-15s",
                        beside.map(b -> pair(b.wall().median(), b.hostCpuMs().median())).orElse("-"),
                        beside.isEmpty() ? "-" : times(ratio.wall()) + ", " + times(ratio.hostCpu())));
            }
            s.append('\n');
        }
        s.append("    ssh clients' CPU on the controller machine (median per run):");
        mine.forEach(r -> s.append(String.format(Locale.ROOT, " %s%s %.2f s;", r.reference().label(),
                r.reference() == Reference.FLOOR ? "" : " " + r.scenario().label(), r.clientCpu().median())));
        s.setLength(s.length() - 1);
        s.append('\n');
    }

    static String pair(double wall, double hostCpuMs) {
        return String.format(Locale.ROOT, "%.3f / %s", wall,
                Double.isNaN(hostCpuMs) ? "n/a" : String.format(Locale.ROOT, "%.0f", hostCpuMs));
    }

    static String times(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2fx", ratio);
    }
}
