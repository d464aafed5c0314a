package dev.provisioner.ops.certs;

import dev.provisioner.inventory.Host;
import dev.provisioner.operation.Operation;
import dev.provisioner.pki.ClusterPki;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.Connection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads, on every host (through the operation's fan-out, read-only), the certificate it serves on each of
 * {@link #PORTS}: {@code openssl s_client} on the host against its own cluster address, so no port needs
 * to be reachable from the controller. Each served certificate is compared with the certificates of the
 * state directory: one that is not among them is stale (not distributed, or the service not restarted).
 */
public final class ServedCertificates {
    /** API server, etcd client, etcd peer, kubelet, registry. */
    public static final List<Integer> PORTS = List.of(6443, 2379, 2380, 10250, 5000);
    private static final String MARK = "== port ";

    /**
     * One port of one host.
     *
     * @param listening   whether a TLS server answered there
     * @param sha256      SHA-256 fingerprint of the served certificate (DER), "" when not listening
     * @param inState     whether that certificate is one of the state directory's
     * @param error       why the host could not be asked, "" when it could
     */
    public record Served(String host, int port, boolean listening, String subject, java.time.Instant notAfter,
                         String sha256, boolean inState, String error) {
    }

    private final Operation op;

    public ServedCertificates(Operation op) {
        this.op = op;
    }

    /** Every port of every host, in inventory order; a host that cannot be reached has one row with its error. */
    public List<Served> read(List<Host> hosts, Path stateDirectory) {
        Set<String> known = fingerprints(ClusterPki.pkiDirectory(stateDirectory));
        List<List<Served>> per = op.forEachHostReadOnly(hosts, h -> host(h, known),
                h -> List.of(new Served(h.name(), 0, false, "", null, "", false, "not asked: interrupted")));
        return per.stream().flatMap(List::stream).toList();
    }

    static String script(String address) {
        StringBuilder s = new StringBuilder();
        for (int port : PORTS) {
            String target = Command.quote(address + ":" + port);
            s.append("echo '").append(MARK).append(port).append("'\n")
             .append("timeout 5 openssl s_client -connect ").append(target).append(" </dev/null 2>/dev/null")
             .append(" | sed -n '/-----BEGIN CERTIFICATE-----/,/-----END CERTIFICATE-----/p'\n");
        }
        return s.toString();
    }

    private List<Served> host(Host h, Set<String> known) {
        try (Connection c = op.open(h)) {
            CommandResult r = c.run(new Command(Command.shell(script(h.internalAddress())).line(), false, null,
                    Duration.ofSeconds(60), "read the served certificates"));
            return parse(h.name(), r.stdout(), known);
        } catch (RuntimeException e) {
            return List.of(new Served(h.name(), 0, false, "", null, "", false, op.masker().mask(String.valueOf(e.getMessage()))));
        }
    }

    static List<Served> parse(String host, String stdout, Set<String> known) {
        List<Served> out = new ArrayList<>();
        String[] blocks = stdout.split(MARK);
        for (String block : blocks) {
            if (block.isBlank()) {
                continue;
            }
            int nl = block.indexOf('\n');
            int port = Integer.parseInt((nl < 0 ? block : block.substring(0, nl)).strip());
            String pem = nl < 0 ? "" : block.substring(nl + 1);
            if (!pem.contains("BEGIN CERTIFICATE")) {
                out.add(new Served(host, port, false, "", null, "", false, ""));
                continue;
            }
            X509Certificate cert = certificates(pem.getBytes(StandardCharsets.US_ASCII)).get(0);
            String fp = fingerprint(cert);
            out.add(new Served(host, port, true, cert.getSubjectX500Principal().getName(), cert.getNotAfter().toInstant(),
                    fp, known.contains(fp), ""));
        }
        return out;
    }

    /** SHA-256 fingerprints of every certificate in the files below {@code dir}. */
    static Set<String> fingerprints(Path dir) {
        Set<String> out = new HashSet<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                if (new String(bytes, StandardCharsets.US_ASCII).contains("BEGIN CERTIFICATE")) {
                    certificates(bytes).forEach(c -> out.add(fingerprint(c)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the certificates in " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static List<X509Certificate> certificates(byte[] pem) {
        try {
            return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (CertificateException e) {
            throw new IllegalStateException("not a certificate: " + e.getMessage(), e);
        }
    }

    static String fingerprint(X509Certificate c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
