package dev.provisioner.step;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.FileProbe;
import dev.provisioner.facts.FileState;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.facts.UnitState;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The comparisons every step makes: desired file, package or unit against the facts. Pure. */
public final class Converge {
    private Converge() {
    }

    /** Checksum probes for {@code files}; sensitive files never send content back. */
    public static FactsQuery query(List<DesiredFile> files) {
        FactsQuery q = FactsQuery.EMPTY;
        for (DesiredFile f : files) {
            q = q.and(FactsQuery.file(f.path(), f.sensitive() ? FileProbe.metadata() : FileProbe.diffAgainst(f.sha256())));
        }
        return q;
    }

    /** A {@link PutFile} when content, mode, owner or group differ; empty when the file is as desired. */
    public static Optional<PutFile> file(DesiredFile want, HostFacts facts) {
        FileState have = facts.file(want.path());
        List<String> reasons = new ArrayList<>();
        boolean contentDiffers = !have.exists() || !have.sha256().equals(want.sha256());
        if (!have.exists()) {
            reasons.add("absent");
        } else {
            if (contentDiffers) {
                reasons.add("content differs");
                if (HandEdits.editedByHand(have, facts)) {
                    reasons.add(HandEdits.REASON);
                }
            }
            if (have.mode() != want.mode()) {
                reasons.add(String.format("mode %04o -> %04o", have.mode(), want.mode()));
            }
            if (!have.owner().equals(want.owner()) || !have.group().equals(want.group())) {
                reasons.add("owner " + have.owner() + ":" + have.group() + " -> " + want.owner() + ":" + want.group());
            }
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        String diff = "";
        if (contentDiffers && !want.sensitive()) {
            String old = have.content().map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
            diff = UnifiedDiff.of(want.path(), old, want.text());
        }
        return Optional.of(new PutFile(want, diff, reasons));
    }

    /** The packages of {@code wanted} that are not installed, as one action. */
    public static Optional<InstallPackages> packages(List<String> wanted, HostFacts facts) {
        List<String> missing = wanted.stream().filter(p -> !facts.installed(p)).toList();
        return missing.isEmpty() ? Optional.empty() : Optional.of(new InstallPackages(missing, facts.packageManager()));
    }

    /** Enable and/or start {@code unit} when it is not enabled and active. */
    public static Optional<EnsureUnit> unit(String unit, HostFacts facts) {
        UnitState s = facts.unit(unit);
        boolean enable = !s.isEnabled();
        boolean start = !s.isActive();
        return enable || start ? Optional.of(new EnsureUnit(unit, enable, start)) : Optional.empty();
    }
}
