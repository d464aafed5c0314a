package dev.provisioner.component.etcd;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which etcd version changes upstream supports: one minor version at a time (3.4 -> 3.5 -> 3.6, never
 * 3.4 -> 3.6: "upgrade to 3.5 first" in etcd's upgrade guides), no major change, no minor downgrade
 * (a downgrade needs etcd's own downgrade procedure); patch changes within a minor line either way. Pure.
 */
final class EtcdUpgradePath {
    private static final Pattern VERSION = Pattern.compile("^(?:\\d+:)?(\\d+)\\.(\\d+)\\.(\\d+)");

    private EtcdUpgradePath() {
    }

    /**
     * The upstream version in a distribution package version: {@code 3.4.23-4+b4} and {@code 1:3.5.16-4}
     * give {@code 3.4.23} and {@code 3.5.16}.
     *
     * @throws IllegalArgumentException when it starts with no {@code MAJOR.MINOR.PATCH}
     */
    public static String upstream(String packageVersion) {
        Matcher m = VERSION.matcher(packageVersion.strip());
        if (!m.find()) {
            throw new IllegalArgumentException("not an etcd version: '" + packageVersion + "'");
        }
        return m.group(1) + "." + m.group(2) + "." + m.group(3);
    }

    /** Why {@code from -> to} is not allowed, or empty when it is (also when they are equal). */
    public static Optional<String> refusal(String from, String to) {
        int[] a = parts(upstream(from));
        int[] b = parts(upstream(to));
        String change = "etcd " + upstream(from) + " -> " + upstream(to);
        if (a[0] != b[0]) {
            return Optional.of(change + " changes the major version, which etcd does not support");
        }
        if (b[1] > a[1] + 1) {
            return Optional.of(change + " skips " + (b[1] - a[1] - 1) + " minor version(s): etcd upgrades one minor version at a"
                    + " time; set the version to the newest " + a[0] + "." + (a[1] + 1) + " release first, apply, then " + upstream(to));
        }
        if (b[1] < a[1]) {
            return Optional.of(change + " is a minor downgrade, which needs etcd's downgrade procedure; provisioner does not do it");
        }
        return Optional.empty();
    }

    private static int[] parts(String v) {
        String[] p = v.split("\\.");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
    }
}
