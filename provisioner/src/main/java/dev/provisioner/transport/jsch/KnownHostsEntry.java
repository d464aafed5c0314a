package dev.provisioner.transport.jsch;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One line of an OpenSSH known_hosts file: optional marker, host patterns (plain, wildcard,
 * negated or hashed {@code |1|salt|hash}), and the key blob.
 */
record KnownHostsEntry(String marker, List<String> patterns, byte[] key) {

    /** Parses a line; null for blank lines, comments and lines that are not understood. */
    static KnownHostsEntry parse(String line) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
            return null;
        }
        String[] f = l.split("\\s+");
        int i = 0;
        String marker = null;
        if (f[0].startsWith("@")) {
            marker = f[0];
            i = 1;
        }
        if (f.length < i + 3) {
            return null;
        }
        try {
            byte[] blob = Base64.getDecoder().decode(f[i + 2]);
            return new KnownHostsEntry(marker, List.of(f[i].split(",")), blob);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    boolean revoked() {
        return "@revoked".equals(marker);
    }

    /** A plain host-key line (not a CA or revocation line). */
    boolean plain() {
        return marker == null;
    }

    String type() {
        return HostKeys.type(key);
    }

    boolean sameKey(byte[] other) {
        return MessageDigest.isEqual(key, other);
    }

    /** Whether {@code host} (already in {@code [addr]:port} form for non-22 ports) matches, honouring negation. */
    boolean matches(String host) {
        boolean matched = false;
        for (String p : patterns) {
            boolean negated = p.startsWith("!");
            String pattern = negated ? p.substring(1) : p;
            if (matchesOne(pattern, host)) {
                if (negated) {
                    return false;
                }
                matched = true;
            }
        }
        return matched;
    }

    private static boolean matchesOne(String pattern, String host) {
        if (pattern.startsWith("|1|")) {
            return hashedMatches(pattern, host);
        }
        if (pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0) {
            StringBuilder re = new StringBuilder();
            for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
                re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            }
            return host.toLowerCase(Locale.ROOT).matches(re.toString());
        }
        return pattern.equalsIgnoreCase(host);
    }

    private static boolean hashedMatches(String pattern, String host) {
        String[] parts = pattern.split("\\|");
        if (parts.length != 4) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return MessageDigest.isEqual(expected, mac.doFinal(host.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
