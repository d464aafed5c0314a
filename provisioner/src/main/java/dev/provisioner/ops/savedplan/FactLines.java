package dev.provisioner.ops.savedplan;

import dev.provisioner.facts.FileState;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.facts.UnitState;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A host's facts as comparable lines, key to value: the operating system, every package, file and unit
 * asked about. A file is its SHA-256, mode and owner, never its content, so a plan file holds no secret.
 */
final class FactLines {
    private FactLines() {
    }

    public static SortedMap<String, String> of(HostFacts facts) {
        SortedMap<String, String> out = new TreeMap<>();
        out.put("os", facts.osId() + " " + facts.osVersion() + " " + facts.architecture());
        facts.packages().forEach((name, version) -> out.put("package " + name, version));
        facts.candidates().forEach((name, version) -> out.put("candidate " + name, version));
        for (Map.Entry<String, FileState> e : facts.files().entrySet()) {
            FileState f = e.getValue();
            out.put("file " + e.getKey(), f.exists()
                    ? "sha256:" + f.sha256() + " mode " + Integer.toOctalString(f.mode()) + " " + f.owner() + ":" + f.group()
                    : "absent");
        }
        for (UnitState u : facts.units().values()) {
            out.put("unit " + u.name(), u.active() + " " + u.enabled());
        }
        return out;
    }
}
