package dev.provisioner.pki;

import dev.provisioner.inventory.Inventory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Inventories, clocks, file snapshots and an openssl runner for the PKI tests. */
final class PkiFixtures {
    static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");

    /** The 2018 recipe's topology: master, node01, node02, registry. */
    static final String BLOG = """
            defaults:
              auth:
                keyFile: ~/.ssh/id_ed25519
            hosts:
              - name: master
                address: 10.4.4.4
                roles: [master]
              - name: node01
                address: 10.4.4.5
                roles: [node]
              - name: node02
                address: 10.4.4.7
                roles: [node]
              - name: registry
                address: 10.4.4.8
                roles: [registry]
            cluster:
              name: blog
            """;

    /** BLOG with two more masters (and so three etcd members); master2 is reached by a DNS name. */
    static final String THREE_MASTERS = BLOG.replace("""
              - name: node01
            """, """
              - name: master2
                address: k8s-master-2.example.net
                internalAddress: 10.4.4.9
                roles: [master]
              - name: master3
                address: 10.4.4.10
                roles: [master]
              - name: node01
            """);

    private PkiFixtures() {
    }

    static Inventory inventory(String yaml) {
        return Inventory.loader().withEnv(Map.<String, String>of()::get).withHome(Path.of("/home/tester"))
                .parse(yaml, "test.yaml", Path.of("/tmp"));
    }

    static Inventory blog() {
        return inventory(BLOG);
    }

    static Clock clockAt(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    static ClusterPki pkiAt(Instant t) {
        return ClusterPki.with(PkiOptions.defaults().withClock(clockAt(t)));
    }

    static ClusterPki pkiAt(Duration afterT0) {
        return pkiAt(T0.plus(afterT0));
    }

    static X509Certificate cert(Path file) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate cert(Path state, String name) {
        return cert(state.resolve("pki").resolve(name + ".crt"));
    }

    static Path pki(Path state) {
        return state.resolve("pki");
    }

    /**
     * Every regular file under {@code dir} with its bytes, by relative path; not the record of proven pairs
     * ({@link VerifiedPairs#FILE}), which is bookkeeping about these files, not one of them.
     */
    static Map<String, String> snapshot(Path dir) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(VerifiedPairs.FILE)).toList()) {
                out.put(dir.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Output and exit code of a command. */
    record Run(int exit, String output) {
    }

    /** Runs the real openssl CLI; stderr is merged into the output. */
    static Run openssl(String... args) {
        List<String> cmd = Stream.concat(Stream.of("openssl"), Stream.of(args)).toList();
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("openssl timed out: " + cmd);
            }
            return new Run(p.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
