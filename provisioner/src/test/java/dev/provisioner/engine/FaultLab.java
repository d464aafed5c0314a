package dev.provisioner.engine;

import com.github.dockerjava.api.DockerClient;
import dev.provisioner.testsupport.LabHost;
import dev.provisioner.testsupport.LabHosts;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Shared fixtures of the fault lab tests: their inventory, waiting for a condition, the Docker client. */
final class FaultLab {
    private FaultLab() {
    }

    /**
     * An inventory of every lab host (the first is master and node, the others nodes; no registry)
     * logging in as {@code user}, with {@code extraDefaults} (YAML lines indented by two spaces, or "").
     */
    static Path inventory(LabHosts lab, String user, String extraDefaults) throws IOException {
        StringBuilder hosts = new StringBuilder();
        boolean first = true;
        for (LabHost h : lab.hosts()) {
            hosts.append("  - name: ").append(h.name()).append("\n    address: ").append(h.address())
                 .append("\n    roles: ").append(first ? "[master, node]" : "[node]").append('\n');
            first = false;
        }
        String yaml = """
                defaults:
                  user: %s
                  %s
                  auth:
                    keyFile: %s
                hosts:
                %s
                cluster:
                  name: faultlab
                  registry:
                    enabled: false
                  ssh:
                    knownHosts: %s
                    hostKeyPolicy: strict
                """.formatted(user, extraDefaults.strip(), lab.keys().ed25519(), hosts.toString().stripTrailing(), lab.knownHosts());
        Path file = Files.createTempFile(lab.dir(), "inventory-" + user, ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    static void await(BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + limit);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Freezes every process of the host (docker pause): its TCP stack still answers, its sshd does not. */
    static void pause(LabHost host) {
        // runc gives up freezing a cgroup whose processes stay busy for a moment ("unable to freeze"), which
        // happens on a saturated machine; runc thaws it again then, so trying again is safe.
        for (int attempt = 1; ; attempt++) {
            try {
                docker().pauseContainerCmd(host.containerId()).exec();
                return;
            } catch (com.github.dockerjava.api.exception.InternalServerErrorException e) {
                if (attempt == 10 || e.getMessage() == null || !e.getMessage().contains("unable to freeze")) {
                    throw e;
                }
                sleep(Duration.ofMillis(300));
            }
        }
    }

    /** Thaws the host if it is frozen (safe in a finally block after a failed {@link #pause}). */
    static void unpause(LabHost host) {
        if (Boolean.TRUE.equals(docker().inspectContainerCmd(host.containerId()).exec().getState().getPaused())) {
            docker().unpauseContainerCmd(host.containerId()).exec();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }
}
