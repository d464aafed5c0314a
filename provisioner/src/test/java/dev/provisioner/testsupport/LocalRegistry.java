package dev.provisioner.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real CNCF distribution registry on 127.0.0.1 (plain HTTP, or HTTPS with a test CA's certificate; filesystem storage): Debian's
 * {@code docker-registry} binary, from {@code /usr/bin} when installed, else taken once from the package
 * ({@code apt-get download docker-registry}, unpacked into {@code target/}).
 */
public final class LocalRegistry implements AutoCloseable {
    private final Process process;
    private final int port;
    private final boolean tls;

    public LocalRegistry(Path dir) throws IOException, InterruptedException {
        this(dir, null);
    }

    /**
     * A registry serving HTTPS with {@code server}'s certificate (127.0.0.1, from its test CA): clients trust it
     * with {@link TestHttpsServer#clientTls()}.
     */
    public LocalRegistry(Path dir, TestHttpsServer server) throws IOException, InterruptedException {
        this.tls = server != null;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String tlsConfig = "";
        if (tls) {
            server.writeServerPem(dir.resolve("registry.crt"), dir.resolve("registry.key"));
            tlsConfig = "  tls:\n    certificate: " + dir.resolve("registry.crt") + "\n    key: " + dir.resolve("registry.key") + "\n";
        }
        Path config = Files.writeString(dir.resolve("registry.yml"), "version: 0.1\nstorage:\n  filesystem:\n"
                + "    rootdirectory: " + Files.createDirectories(dir.resolve("storage")) + "\nhttp:\n  addr: 127.0.0.1:"
                + port + "\n" + tlsConfig + "log:\n  level: warn\n");
        process = new ProcessBuilder(binary().toString(), "serve", config.toString())
                .redirectOutput(dir.resolve("registry.log").toFile()).redirectErrorStream(true).start();
        HttpClient client = tls ? HttpClient.newBuilder().sslContext(server.clientTls()).build() : HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            try {
                if (client.send(HttpRequest.newBuilder(url().resolve("/v2/")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                    close();
                    throw new IOException("the registry did not start; see " + dir.resolve("registry.log"), e);
                }
            }
            Thread.sleep(100);
        }
    }

    /**
     * Debian's docker-registry binary: the installed one, or the package extracted once into target/. Test classes
     * run concurrently, so extraction is serialised and happens in a scratch folder renamed into place: nobody
     * executes a half-written binary ("Text file busy").
     */
    private static synchronized Path binary() throws IOException, InterruptedException {
        Path installed = Path.of("/usr/bin/docker-registry");
        if (Files.isExecutable(installed)) {
            return installed;
        }
        Path dir = Path.of("target/docker-registry").toAbsolutePath();
        Path bin = dir.resolve("usr/bin/docker-registry");
        if (!Files.isExecutable(bin)) {
            Files.createDirectories(dir.getParent());
            Path scratch = Files.createTempDirectory(dir.getParent(), "docker-registry-");
            run(scratch, "apt-get", "download", "docker-registry");
            try (var debs = Files.list(scratch)) {
                Path deb = debs.filter(p -> p.toString().endsWith(".deb")).findFirst()
                        .orElseThrow(() -> new IOException("apt-get download docker-registry gave no .deb in " + scratch));
                run(scratch, "dpkg-deb", "-x", deb.toString(), scratch.toString());
            }
            try {
                Files.move(scratch, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // another JVM extracted it first: use theirs (the scratch copy stays in target/, cleaned with it)
            }
        }
        return bin;
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    /** {@code http://127.0.0.1:<port>}, or {@code https://} when it serves TLS */
    public URI url() {
        return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
