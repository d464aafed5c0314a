package dev.provisioner.inventory;

import java.util.regex.Pattern;

/** Parses IP address literals without ever resolving a name (no DNS at validation time). */
final class IpLiterals {
    private static final Pattern V4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");

    private IpLiterals() {}

    /** The IPv4 address as an unsigned 32-bit value, or -1 when {@code s} is not a dotted quad. */
    static long ipv4(String s) {
        if (!V4.matcher(s).matches()) {
            return -1;
        }
        long v = 0;
        for (String part : s.split("\\.")) {
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return -1;
            }
            v = (v << 8) | octet;
        }
        return v;
    }

    /** The dotted-quad form of an unsigned 32-bit value. */
    static String ipv4(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }

    /** True when {@code s} is an IPv6 literal (without brackets or zone), including an embedded IPv4 tail. */
    static boolean isIpv6(String s) {
        if (s.isEmpty() || s.indexOf(':') < 0) {
            return false;
        }
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String head = doubleColon >= 0 ? s.substring(0, doubleColon) : s;
        String tail = doubleColon >= 0 ? s.substring(doubleColon + 2) : "";
        int groups = countGroups(head, doubleColon < 0 || tail.isEmpty());
        int tailGroups = doubleColon >= 0 ? countGroups(tail, true) : 0;
        if (groups < 0 || tailGroups < 0) {
            return false;
        }
        int total = groups + tailGroups;
        return doubleColon >= 0 ? total <= 7 : total == 8;
    }

    /** Groups in a colon-separated run (an IPv4 tail counts as two); -1 when malformed. */
    private static int countGroups(String run, boolean mayEndWithIpv4) {
        if (run.isEmpty()) {
            return 0;
        }
        String[] parts = run.split(":", -1);
        int count = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (HEX_GROUP.matcher(p).matches()) {
                count++;
            } else if (i == parts.length - 1 && mayEndWithIpv4 && ipv4(p) >= 0) {
                count += 2;
            } else {
                return -1;
            }
        }
        return count;
    }
}
