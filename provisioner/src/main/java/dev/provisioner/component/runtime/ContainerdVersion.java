package dev.provisioner.component.runtime;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A containerd major.minor, which decides the config file format: 1.x reads {@code version = 2},
 * 2.x reads {@code version = 3} (and still converts version 2), and 2.1 replaced CNI
 * {@code bin_dir} by {@code bin_dirs} (K8S-REFERENCE §1.6, §6).
 */
record ContainerdVersion(int major, int minor) {
    private static final Pattern LEADING = Pattern.compile("^(?:\\d+:)?v?(\\d+)\\.(\\d+)");

    /** From a package or release version: "1.6.20~ds1-1+deb12u3", "2.1.3", "1:1.7.24-1". */
    static Optional<ContainerdVersion> parse(String version) {
        Matcher m = LEADING.matcher(version == null ? "" : version.strip());
        return m.find() ? Optional.of(new ContainerdVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    int configVersion() {
        return major >= 2 ? 3 : 2;
    }

    boolean cniBinDirsList() {
        return major > 2 || (major == 2 && minor >= 1);
    }

    /**
     * The containerd releases that read exactly the config written for this version: "1.x" (every
     * 1.x reads the same version 2 file), "2.0", "2.1 and later". The config names this series, not
     * the exact version, so a file rendered for the version an install will bring stays right when
     * the installed patch or minor release differs (Debian 12 has 1.6, Debian 13 and Ubuntu 1.7).
     */
    String series() {
        if (major < 2) {
            return major + ".x";
        }
        return cniBinDirsList() ? "2.1 and later" : "2.0";
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
