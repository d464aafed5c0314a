package dev.provisioner.testsupport;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides whether lab tests can run. With {@code CI=true} a missing or unusable Docker engine, or a
 * missing lab image, FAILS the test (CI must never silently skip integration tests); elsewhere the
 * test is skipped with a message that says how to get an engine.
 */
public final class DockerSupport {
    public static final String IMAGE = System.getenv().getOrDefault("PROVISIONER_LAB_IMAGE", "provisioner-lab:bookworm");
    private static final AtomicReference<String> PROBLEM = new AtomicReference<>();
    private static volatile boolean probed;

    private DockerSupport() {
    }

    /** Returns when lab hosts can start; otherwise fails (CI) or aborts the test (elsewhere). */
    public static void requireLab() {
        String problem = problem();
        if (problem == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true and lab hosts cannot start: " + problem);
        }
        Assumptions.abort("lab tests skipped: " + problem + " (run bin/test, which installs and starts the engine)");
    }

    private static synchronized String problem() {
        if (!probed) {
            PROBLEM.set(probe());
            probed = true;
        }
        return PROBLEM.get();
    }

    private static String probe() {
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return "no Docker engine answers";
            }
            var images = DockerClientFactory.instance().client().listImagesCmd().withImageNameFilter(IMAGE).exec();
            if (images.isEmpty()) {
                return "lab image " + IMAGE + " is missing (lab/build-image.sh builds it)";
            }
            return null;
        } catch (RuntimeException e) {
            return "Docker engine unusable: " + e.getMessage();
        }
    }
}
