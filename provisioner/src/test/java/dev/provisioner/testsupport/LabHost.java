package dev.provisioner.testsupport;

import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One lab host: a container running systemd as PID 1 and OpenSSH, reached on its own address on the
 * Docker bridge, port 22. Users: {@code root}, {@code deploy} (sudo without password) and
 * {@code operator} (sudo with {@link LabHosts#sudoPassword()}); all accept the {@link TestKeys}.
 */
public final class LabHost {
    private final String name;
    private final GenericContainer<?> container;
    private final String address;
    private final List<String> hostKeys;

    LabHost(String name, GenericContainer<?> container, String address, List<String> hostKeys) {
        this.name = name;
        this.container = container;
        this.address = address;
        this.hostKeys = List.copyOf(hostKeys);
    }

    public String name() {
        return name;
    }

    /** The host's IP on the Docker bridge; SSH listens on port 22 there. */
    public String address() {
        return address;
    }

    public int port() {
        return 22;
    }

    public String containerId() {
        return container.getContainerId();
    }

    /** The host's public keys as {@code type base64} lines, from /etc/ssh/ssh_host_*_key.pub. */
    public List<String> hostKeys() {
        return hostKeys;
    }

    /** known_hosts lines for this host (all its key types). */
    public String knownHostsLines() {
        StringBuilder sb = new StringBuilder();
        for (String k : hostKeys) {
            sb.append(address).append(' ').append(k).append('\n');
        }
        return sb.toString();
    }

    /** SHA-256 fingerprint ({@code SHA256:...}, as OpenSSH prints it) of the ed25519 host key. */
    public String fingerprint() {
        String ed = hostKeys.stream().filter(k -> k.startsWith("ssh-ed25519 ")).findFirst().orElse(hostKeys.get(0));
        byte[] blob = Base64.getDecoder().decode(ed.split(" ")[1]);
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a shell command inside the container as root (test setup and inspection only, not SSH). */
    public Exec exec(String script) {
        try {
            Container.ExecResult r = container.execInContainer("bash", "-c", script);
            return new Exec(r.getExitCode(), r.getStdout(), r.getStderr());
        } catch (IOException e) {
            throw new IllegalStateException(name + ": docker exec failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Like {@link #exec} but fails the test when the command exits non-zero. */
    public String execOk(String script) {
        Exec r = exec(script);
        if (r.exitCode() != 0) {
            throw new AssertionError(name + ": '" + script + "' exited " + r.exitCode() + ": " + r.stderr() + r.stdout());
        }
        return r.stdout();
    }

    /** Copies bytes into the container (test setup only). */
    public void put(String path, String content) {
        container.copyFileToContainer(org.testcontainers.images.builder.Transferable.of(content.getBytes(StandardCharsets.UTF_8)), path);
    }

    GenericContainer<?> container() {
        return container;
    }

    /** Result of a docker exec. */
    public record Exec(int exitCode, String stdout, String stderr) {
    }

    @Override
    public String toString() {
        return name + "@" + address;
    }
}
