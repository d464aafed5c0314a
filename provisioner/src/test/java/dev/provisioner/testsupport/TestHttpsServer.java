package dev.provisioner.testsupport;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTPS server on 127.0.0.1 (the JDK's HttpsServer) with a certificate from a CA generated for the
 * test with BouncyCastle. It serves byte arrays by path ({@link #serve}), answers redirects
 * ({@link #redirect}) and counts requests. {@link #clientTls()} trusts exactly that CA.
 */
public final class TestHttpsServer implements AutoCloseable {
    private final HttpsServer server;
    private final SSLContext client;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();
    private final X509Certificate leafCertificate;
    private final PrivateKey leafKey;
    private final KeyPair caKeys;
    private final X509Certificate ca;

    public TestHttpsServer() throws Exception {
        this(null);
    }

    /** A server whose certificate is from {@code sameCa}'s CA (another origin clients of that one trust), or a new CA. */
    public TestHttpsServer(TestHttpsServer sameCa) throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(256);
        caKeys = sameCa != null ? sameCa.caKeys : gen.generateKeyPair();
        ca = sameCa != null ? sameCa.ca : certificate("CN=provisioner test CA", caKeys.getPublic(), "CN=provisioner test CA",
                caKeys.getPrivate(), true);
        KeyPair serverKeys = gen.generateKeyPair();
        X509Certificate leaf = certificate("CN=127.0.0.1", serverKeys.getPublic(), "CN=provisioner test CA",
                caKeys.getPrivate(), false);

        leafCertificate = leaf;
        leafKey = serverKeys.getPrivate();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", serverKeys.getPrivate(), new char[0], new Certificate[]{leaf, ca});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, new char[0]);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            String location = redirects.get(path);
            byte[] body = files.get(path);
            HttpHandler handler = handlers.get(path);
            if (handler != null) {
                handler.handle(ex);
            } else if (location != null) {
                ex.getResponseHeaders().add("Location", location);
                ex.sendResponseHeaders(302, -1);
            } else if (body == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(body);
                }
            }
            ex.close();
        });
        server.start();
    }

    private static X509Certificate certificate(String subject, PublicKey key, String issuer, PrivateKey signer,
                                               boolean ca) throws Exception {
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(Duration.ofDays(1))), new X500Name(subject), key);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (ca) {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            b.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    }

    /** {@code https://127.0.0.1:<port>} */
    public String base() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A client TLS context trusting the test CA only. */
    public SSLContext clientTls() {
        return client;
    }

    /** Serves {@code body} at {@code path} (replacing what was there). */
    public void serve(String path, byte[] body) {
        redirects.remove(path);
        files.put(path, body);
    }

    /** Stops serving {@code path}: 404. */
    public void remove(String path) {
        files.remove(path);
    }

    /**
     * Writes this server's certificate (for 127.0.0.1, from the test CA) and its private key as PEM files, for
     * another server on 127.0.0.1 that clients trusting {@link #clientTls()} should accept.
     */
    public void writeServerPem(Path certificate, Path key) throws IOException {
        try (JcaPEMWriter w = new JcaPEMWriter(Files.newBufferedWriter(certificate))) {
            w.writeObject(leafCertificate);
        }
        try (JcaPEMWriter w = new JcaPEMWriter(Files.newBufferedWriter(key))) {
            w.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(leafKey, null));
        }
    }

    /** Answers {@code path} with {@code handler} (status, headers and body are the handler's). */
    public void handle(String path, HttpHandler handler) {
        handlers.put(path, handler);
    }

    /** Answers {@code path} with a 302 to {@code location}. */
    public void redirect(String path, String location) {
        redirects.put(path, location);
    }

    /** How often {@code path} was requested. */
    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** Requests of every path. */
    public int totalHits() {
        return hits.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
    }
}
