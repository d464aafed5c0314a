package dev.provisioner.pki;

import org.bouncycastle.util.IPAddress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * A subject alternative name: a DNS name (lower-cased) or an IP address (normalised, so that the
 * inventory's {@code 10.4.4.4} and the certificate's bytes compare equal).
 */
record San(Kind kind, String value) implements Comparable<San> {
    enum Kind { DNS, IP }

    /** An IP literal becomes an IP SAN; anything else a DNS SAN. Never resolves names. */
    static San of(String text) {
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        if (IPAddress.isValid(t)) {
            return new San(Kind.IP, normaliseIp(t));
        }
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty subject alternative name");
        }
        return new San(Kind.DNS, t.toLowerCase(Locale.ROOT));
    }

    static San ip(String literal) {
        return new San(Kind.IP, normaliseIp(literal));
    }

    static San dns(String name) {
        return new San(Kind.DNS, name.toLowerCase(Locale.ROOT));
    }

    private static String normaliseIp(String literal) {
        try {
            return InetAddress.getByName(literal).getHostAddress(); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + literal, e);
        }
    }

    /** {@code DNS:name} or {@code IP:address}, as openssl prints them. */
    @Override
    public String toString() {
        return kind + ":" + value;
    }

    @Override
    public int compareTo(San o) {
        int k = kind.compareTo(o.kind);
        return k != 0 ? k : value.compareTo(o.value);
    }
}
