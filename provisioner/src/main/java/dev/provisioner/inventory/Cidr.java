package dev.provisioner.inventory;

/**
 * An IPv4 network in CIDR notation with no host bits set, e.g. {@code 172.30.0.0/16}.
 *
 * @param base         the network address as an unsigned 32-bit value
 * @param prefixLength 0-32
 */
public record Cidr(long base, int prefixLength) {

    public Cidr {
        if (prefixLength < 0 || prefixLength > 32 || base < 0 || base > 0xFFFFFFFFL || (base & ~mask(prefixLength)) != 0) {
            throw new IllegalArgumentException("not a network: " + base + "/" + prefixLength);
        }
    }

    /** Parses {@code a.b.c.d/n}; throws IllegalArgumentException (with a readable message) otherwise. */
    public static Cidr parse(String text) {
        Complaint c = CidrSyntax.check(text);
        if (c != null) {
            throw new IllegalArgumentException(c.message());
        }
        int slash = text.indexOf('/');
        return new Cidr(IpLiterals.ipv4(text.substring(0, slash)), Integer.parseInt(text.substring(slash + 1)));
    }

    /** Number of addresses in the network. */
    public long size() {
        return 1L << (32 - prefixLength);
    }

    /** The address {@code n} places after the network address, e.g. {@code addressAt(10)} for cluster DNS. */
    public String addressAt(long n) {
        if (n < 0 || n >= size()) {
            throw new IllegalArgumentException(n + " is outside " + this);
        }
        return IpLiterals.ipv4(base + n);
    }

    /** True when the IPv4 literal {@code address} lies inside this network (false for anything else). */
    public boolean contains(String address) {
        long a = IpLiterals.ipv4(address);
        return a >= 0 && (a & mask(prefixLength)) == base;
    }

    /** True when the two networks share at least one address. */
    public boolean overlaps(Cidr other) {
        int p = Math.min(prefixLength, other.prefixLength);
        return (base & mask(p)) == (other.base & mask(p));
    }

    static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    @Override
    public String toString() {
        return IpLiterals.ipv4(base) + "/" + prefixLength;
    }
}
