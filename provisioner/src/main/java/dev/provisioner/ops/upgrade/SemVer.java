package dev.provisioner.ops.upgrade;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code MAJOR.MINOR.PATCH[-suffix]} as the inventory writes versions (a leading {@code v} tolerated).
 *
 * @param major  major
 * @param minor  minor
 * @param patch  patch
 * @param text   as written, without the {@code v}
 */
record SemVer(int major, int minor, int patch, String text) implements Comparable<SemVer> {
    private static final Pattern FORM = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)([-+~].*)?");

    /** @throws IllegalArgumentException naming the value when it is not a version */
    public static SemVer parse(String value) {
        Matcher m = FORM.matcher(value.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a MAJOR.MINOR.PATCH version: '" + value + "'");
        }
        return new SemVer(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                value.strip().startsWith("v") ? value.strip().substring(1) : value.strip());
    }

    /** Minor versions from this one to {@code later} within one major (negative when {@code later} is older). */
    public int minorsTo(SemVer later) {
        return later.minor - minor;
    }

    @Override
    public int compareTo(SemVer o) {
        int c = Integer.compare(major, o.major);
        c = c != 0 ? c : Integer.compare(minor, o.minor);
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return text;
    }
}
