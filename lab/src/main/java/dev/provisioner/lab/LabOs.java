package dev.provisioner.lab;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The operating systems lab hosts can run: Debian releases, each built into its own image by
 * {@code lab/build-image.sh SUITE} from the Debian mirror the machine already uses.
 */
public enum LabOs {
    /** Debian 12 (containerd 1.6, etcd 3.4): the default. */
    BOOKWORM("bookworm", "Debian 12"),
    /** Debian 13 (containerd 1.7, etcd 3.5). */
    TRIXIE("trixie", "Debian 13");

    private final String suite;
    private final String release;

    LabOs(String suite, String release) {
        this.suite = suite;
        this.release = release;
    }

    /** The Debian suite (codename) debootstrap builds: {@code bookworm}, {@code trixie}. */
    public String suite() {
        return suite;
    }

    /** "Debian 12". */
    public String release() {
        return release;
    }

    /** The image build-image.sh tags by default: {@code provisioner-lab:SUITE}. */
    public String image() {
        return "provisioner-lab:" + suite;
    }

    /** From a suite name, case-insensitive; the error names the accepted values. */
    public static LabOs parse(String suite) {
        String s = suite == null ? "" : suite.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(o -> o.suite.equals(s)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown lab OS '" + suite + "': use one of "
                        + Arrays.stream(values()).map(LabOs::suite).collect(Collectors.joining(", "))));
    }
}
