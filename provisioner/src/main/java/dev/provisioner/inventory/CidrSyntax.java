package dev.provisioner.inventory;

import java.util.regex.Pattern;

/** The CIDR rules: syntax, prefix range, and no host bits set (with the corrected network suggested). */
final class CidrSyntax {
    private static final Pattern PREFIX = Pattern.compile("[0-9]{1,3}");

    private CidrSyntax() {}

    static Complaint check(String v) {
        int slash = v.indexOf('/');
        if (slash < 0) {
            return new Complaint(Complaint.show(v) + " is not a CIDR", "write NETWORK/PREFIX, e.g. 172.30.0.0/16");
        }
        String address = v.substring(0, slash);
        String prefix = v.substring(slash + 1);
        long base = IpLiterals.ipv4(address);
        if (base < 0) {
            return new Complaint(Complaint.show(v) + " is not a valid IPv4 CIDR",
                    IpLiterals.isIpv6(address) ? "IPv6 networks are not supported yet; use an IPv4 CIDR" : "write NETWORK/PREFIX, e.g. 172.30.0.0/16");
        }
        if (!PREFIX.matcher(prefix).matches() || Integer.parseInt(prefix) > 32) {
            return new Complaint(Complaint.show(v) + " has an invalid prefix length", "use a prefix length between 0 and 32");
        }
        int p = Integer.parseInt(prefix);
        long network = base & Cidr.mask(p);
        if (network != base) {
            String fixed = IpLiterals.ipv4(network) + "/" + p;
            return new Complaint(v + " has host bits set; did you mean " + fixed + "?", "write " + fixed);
        }
        return null;
    }
}
