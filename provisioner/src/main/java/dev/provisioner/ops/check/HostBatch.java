package dev.provisioner.ops.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One script that runs several probe scripts on a host at once, each under {@code timeout} with
 * its own output file, and prints their outputs in order between markers. The host's time is the
 * slowest probe's, not the sum.
 */
final class HostBatch {
    private static final Pattern SECTION = Pattern.compile("@@probe (\\d+) begin\n(.*?)\n@@probe \\1 end (-?\\d+)", Pattern.DOTALL);
    /** Reported for a section that never printed its end marker. */
    static final int MISSING = -1;

    /** A probe's script and its time limit. */
    record Section(String script, Duration timeout) {
    }

    private HostBatch() {
    }

    static String script(List<Section> sections) {
        StringBuilder b = new StringBuilder("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin; export PATH\n")
                .append("d=$(mktemp -d /tmp/.provisioner-check.XXXXXX) || exit 1\n");
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            long secs = Math.max(1, s.timeout().toSeconds());
            b.append("( timeout -k 2 ").append(secs).append(" sh -c ").append(ProbeScripts.q(ProbeScripts.PRELUDE + s.script()))
                    .append(" </dev/null >\"$d/").append(i).append("\" 2>&1; echo $? >\"$d/").append(i).append(".rc\" ) &\n");
        }
        b.append("wait\n")
                .append("i=0; while [ $i -lt ").append(sections.size()).append(" ]; do\n")
                .append("  printf '@@probe %s begin\\n' $i; cat \"$d/$i\"; printf '\\n@@probe %s end %s\\n' $i \"$(cat \"$d/$i.rc\" 2>/dev/null || echo -1)\"\n")
                .append("  i=$((i+1))\ndone\nrm -rf \"$d\"\n");
        return b.toString();
    }

    /** The longest time limit plus slack for the batch as a whole. */
    static Duration limit(List<Section> sections) {
        return sections.stream().map(Section::timeout).max(Duration::compareTo).orElse(Duration.ZERO).plusSeconds(15);
    }

    /** One output per section, in order; a section missing from {@code stdout} gets exit {@link #MISSING}. */
    static List<ProbeOutput> parse(String stdout, int count) {
        List<ProbeOutput> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new ProbeOutput(MISSING, "no output: the batch script ended before this probe reported"));
        }
        Matcher m = SECTION.matcher(stdout);
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            if (i < count) {
                out.set(i, new ProbeOutput(Integer.parseInt(m.group(3)), m.group(2)));
            }
        }
        return out;
    }
}
