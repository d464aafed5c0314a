package dev.provisioner.pki;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The key pairs and issuers the state directory's PKI was already checked for, so that a run does not redo the
 * signatures that prove them. Every run reconciles every certificate of the inventory (also a run limited to one
 * host), and in a fresh JVM each proof (a test signature, the issuer's signature) costs a few milliseconds of
 * elliptic-curve arithmetic: about a tenth of a CLI run's CPU on a 4-host lab, growing with the hosts.
 *
 * <p>An entry is the SHA-256 of the exact bytes that were proven to belong together (certificate, private key and,
 * for a leaf, its issuer's certificate; the service-account key's public and private halves), kept in {@value #FILE}
 * beside them (mode 0600, written atomically under the store's lock). The same bytes prove the same thing, so a hit
 * skips the signatures and the parsing of the private key ({@link ParsedPem}): every other check (CA flag, expiry,
 * the names and usages the inventory wants) runs as before, and a file that changed by one byte is proven again. The
 * file holds only the entries the last run used; whoever can write it can also replace the CA key.
 *
 * <p>It also keeps verdicts ({@code <sha256> <notAfter, epoch seconds>}): that a certificate, with exactly these bytes
 * (certificate, key, issuer) and exactly these wanted names and usages, was found right in every respect but its
 * expiry, and when it expires. A run that finds its verdict checks only the expiry against its own clock and parses
 * neither the certificate nor the key ({@link ParsedPem}); anything else is checked as before.
 */
final class VerifiedPairs {
    static final String FILE = ".verified";

    private final Path file;
    private final Set<String> known;
    private final Map<String, Long> verdicts;
    private final Set<String> used = new TreeSet<>();
    private final Map<String, Long> usedVerdicts = new TreeMap<>();

    private VerifiedPairs(Path file, Set<String> known, Map<String, Long> verdicts) {
        this.file = file;
        this.known = known;
        this.verdicts = verdicts;
    }

    /** Nothing is remembered (app certificates written to an output folder, tests). */
    static VerifiedPairs none() {
        return new VerifiedPairs(null, Set.of(), Map.of());
    }

    /** What {@code store} remembers. */
    static VerifiedPairs in(PkiStore store) {
        Path file = store.directory().resolve(FILE);
        Set<String> known = new HashSet<>();
        Map<String, Long> verdicts = new TreeMap<>();
        AtomicFiles.read(file).ifPresent(bytes -> {
            for (String line : new String(bytes, StandardCharsets.US_ASCII).split("\n")) {
                if (line.matches("[0-9a-f]{64}")) {
                    known.add(line);
                } else if (line.matches("[0-9a-f]{64} -?[0-9]{1,18}")) {
                    verdicts.put(line.substring(0, 64), Long.parseLong(line.substring(65)));
                }
            }
        });
        return new VerifiedPairs(file, known, verdicts);
    }

    /**
     * When these exact bytes (the parts of {@link #key(byte[]...)}) were found right before but for their expiry: that
     * expiry; empty otherwise.
     */
    Optional<Instant> verdict(byte[]... parts) {
        String key = key(parts);
        Long notAfter = file == null ? null : verdicts.get(key);
        if (notAfter == null) {
            return Optional.empty();
        }
        usedVerdicts.put(key, notAfter);
        return Optional.of(Instant.ofEpochSecond(notAfter));
    }

    /** Notes that these exact bytes were found right but for their expiry, {@code notAfter}. */
    void rememberVerdict(Instant notAfter, byte[]... parts) {
        usedVerdicts.put(key(parts), notAfter.getEpochSecond());
    }

    /** True when exactly these bytes were proven to belong together before. */
    boolean known(byte[]... parts) {
        String key = key(parts);
        if (file != null && known.contains(key)) {
            used.add(key);
            return true;
        }
        return false;
    }

    /** Notes that these bytes were proven to belong together in this run. */
    void remember(byte[]... parts) {
        used.add(key(parts));
    }

    /** Writes the entries this run used, when they differ from what was read. */
    void save() {
        if (file == null || used.equals(known) && usedVerdicts.equals(verdicts)) {
            return;
        }
        StringBuilder s = new StringBuilder();
        used.forEach(k -> s.append(k).append('\n'));
        usedVerdicts.forEach((k, notAfter) -> s.append(k).append(' ').append(notAfter).append('\n'));
        AtomicFiles.write(file, s.toString().getBytes(StandardCharsets.US_ASCII), AtomicFiles.KEY_MODE);
    }

    /** SHA-256 over each part's length and bytes, so that no two different sequences of parts collide by framing. */
    static String key(byte[]... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                long n = p.length;
                for (int i = 7; i >= 0; i--) {
                    d.update((byte) (n >>> (8 * i)));
                }
                d.update(p);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
