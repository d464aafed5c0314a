package dev.provisioner.component;

import dev.provisioner.step.DesiredFile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The version of each component we installed on a host, recorded there as one managed file per
 * component, {@value #DIR}/COMPONENT, holding the version (written by the release-binary steps right
 * after the binary, so the record changes exactly when the binary does). {@code upgrade} reads them
 * back before touching any host to refuse an unsupported version jump.
 */
public final class InstalledVersions {
    public static final String DIR = "/var/lib/provisioner/versions";
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private InstalledVersions() {
    }

    /** The record of {@code component} at {@code version}, 0644 root. */
    public static DesiredFile record(String component, String version) {
        if (!COMPONENT.matcher(component).matches()) {
            throw new IllegalArgumentException("not a component name: " + component);
        }
        return DesiredFile.text(DIR + "/" + component, version + "\n");
    }

    /** Prints one {@code COMPONENT VERSION} line per record (nothing when none). */
    public static String readScript() {
        return "for f in " + DIR + "/*; do [ -f \"$f\" ] || continue; printf '%s %s\\n' \"${f##*/}\" \"$(head -n 1 \"$f\")\"; done";
    }

    /** Component to version from the output of {@link #readScript()}; malformed lines are ignored. */
    public static Map<String, String> parse(String stdout) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2 && COMPONENT.matcher(parts[0]).matches()) {
                out.put(parts[0], parts[1]);
            }
        }
        return out;
    }
}
