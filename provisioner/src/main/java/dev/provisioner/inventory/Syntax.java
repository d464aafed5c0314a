package dev.provisioner.inventory;

import dev.provisioner.inventory.Complaint.Check;

import java.util.regex.Pattern;

/** Syntax rules for the string fields of an inventory; each runs after {@link SafeText}. */
final class Syntax {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern DNS_LABEL = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?");
    private static final Pattern USER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,31}");
    private static final Pattern VERSION = Pattern.compile("v?[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?");
    private static final Pattern ETCD_PREFIX = Pattern.compile("(/[A-Za-z0-9._-]+)+");
    private static final Pattern K8S_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern IFACE = Pattern.compile("[A-Za-z0-9_.:@-]{1,15}");
    private static final Pattern NO_PROXY = Pattern.compile("[A-Za-z0-9.*:/_\\[\\]-]+");
    private static final Pattern PROXY_URL = Pattern.compile("https?://([^/@\\s]+@)?[A-Za-z0-9.\\[\\]:-]+(:[0-9]{1,5})?/?");

    private Syntax() {}

    /** A host or cluster name: one lowercase RFC 1123 label, as Kubernetes node names require. */
    static final Check NAME = v -> LABEL.matcher(v).matches() ? null : new Complaint(
            Complaint.show(v) + " is not a valid RFC 1123 name",
            "use 1-63 lowercase letters, digits and '-', starting and ending with a letter or digit");

    /** An IPv4 or IPv6 literal or an RFC 1123 host name. */
    static final Check ADDRESS = Syntax::address;

    /** An IPv4 literal. */
    static final Check IPV4 = v -> IpLiterals.ipv4(v) >= 0 ? null : new Complaint(
            Complaint.show(v) + " is not a valid IPv4 address", "write four numbers 0-255 separated by dots, e.g. 10.96.0.10");

    static final Check USER_NAME = v -> USER.matcher(v).matches() ? null : new Complaint(
            Complaint.show(v) + " is not a valid user name",
            "use up to 32 letters, digits, '_', '.' and '-', starting with a letter or '_'");

    static final Check VERSION_NUMBER = v -> VERSION.matcher(v).matches() ? null : new Complaint(
            Complaint.show(v) + " is not a valid version", "write MAJOR.MINOR.PATCH in quotes, e.g. \"1.34.0\"");

    static final Check PREFIX = Syntax::etcdPrefix;

    static final Check DOMAIN = v -> domain(v) ? null : new Complaint(
            Complaint.show(v) + " is not a valid DNS domain", "use dot-separated labels of letters, digits and '-', e.g. cluster.local");

    static final Check INTERFACE = v -> !IFACE.matcher(v).matches() ? new Complaint(
            Complaint.show(v) + " is not a valid network interface name", "use the name shown by 'ip link', e.g. eth1")
            : isDotSegment(v) ? new Complaint(Complaint.show(v) + " is not a valid network interface name",
                    "Linux refuses '.' and '..' as interface names; use the name shown by 'ip link', e.g. eth1") : null;

    static final Check NO_PROXY_ENTRY = v -> NO_PROXY.matcher(v).matches() ? null : new Complaint(
            Complaint.show(v) + " is not a valid no_proxy entry", "use a host name, a domain such as .example.com, an IP address or a CIDR");

    static final Check PROXY = v -> PROXY_URL.matcher(v).matches() ? null : new Complaint(
            Complaint.show(v) + " is not a valid proxy URL", "write http://HOST:PORT, e.g. http://proxy.example.com:3128");

    static final Check LABEL_VALUE = v -> v.isEmpty() || K8S_NAME.matcher(v).matches() ? null : new Complaint(
            Complaint.show(v) + " is not a valid Kubernetes label value",
            "use up to 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit");

    static final Check LABEL_KEY = Syntax::labelKey;

    static Complaint address(String v) {
        if (v.indexOf(':') >= 0) {
            return IpLiterals.isIpv6(v) ? null : new Complaint(Complaint.show(v) + " is not a valid IPv6 address",
                    "write an IPv6 address without brackets, e.g. fd00::4");
        }
        if (IpLiterals.ipv4(v) >= 0) {
            return null;
        }
        String last = v.substring(v.lastIndexOf('.') + 1);
        boolean looksNumeric = !last.isEmpty() && last.chars().allMatch(Character::isDigit);
        if (!looksNumeric && domain(v)) {
            return null;
        }
        return new Complaint(Complaint.show(v) + " is not a valid IPv4 address or host name",
                "write four numbers 0-255 separated by dots (e.g. 10.4.4.4) or a DNS name of letters, digits, '-' and '.'");
    }

    static boolean domain(String v) {
        if (v.isEmpty() || v.length() > 253) {
            return false;
        }
        for (String label : v.split("\\.", -1)) {
            if (!DNS_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * An absolute etcd key path. flannel joins {@code <prefix>/config} with Go's {@code path.Join}, which
     * removes {@code .} and {@code ..} segments: such a prefix would make flannel read another key than
     * the one written (and {@code ..} climbs out of the prefix), so both are refused.
     */
    private static Complaint etcdPrefix(String v) {
        if (!ETCD_PREFIX.matcher(v).matches()) {
            return new Complaint(Complaint.show(v) + " is not a valid etcd key prefix",
                    "write an absolute key path such as /coreos.com/network, without a trailing '/'");
        }
        for (String segment : v.substring(1).split("/")) {
            if (isDotSegment(segment)) {
                return new Complaint(Complaint.show(v) + " contains the path segment '" + segment + "'",
                        "flannel would resolve it and read another key than the one written; write the prefix without '.' and '..' segments");
            }
        }
        return null;
    }

    private static boolean isDotSegment(String s) {
        return s.equals(".") || s.equals("..");
    }

    private static Complaint labelKey(String v) {
        int slash = v.indexOf('/');
        String prefix = slash < 0 ? "" : v.substring(0, slash);
        String name = slash < 0 ? v : v.substring(slash + 1);
        boolean ok = K8S_NAME.matcher(name).matches() && (slash < 0 || domain(prefix));
        return ok ? null : new Complaint(Complaint.show(v) + " is not a valid Kubernetes label key",
                "write NAME or DOMAIN/NAME, e.g. disktype or example.com/disktype");
    }

    /** A local file path: only the safety rules apply, and it must not be empty. */
    static final Check PATH = v -> v.isBlank() ? new Complaint("the path is empty", "give a file path") : null;
}
