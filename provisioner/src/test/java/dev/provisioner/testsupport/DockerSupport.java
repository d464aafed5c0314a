package dev.provisioner.testsupport;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;


/**
 * Decides whether lab tests can run. With {@code CI=true} a missing or unusable Docker engine, or a
 * missing lab image, FAILS the test (CI must never silently skip integration tests); elsewhere the
 * test is skipped with a message that says how to get an engine.
 */
public final class DockerSupport {
    /** The default lab image: Debian 12 (bookworm). */
    public static final String IMAGE = System.getenv().getOrDefault("PROVISIONER_LAB_IMAGE", "provisioner-lab:bookworm");
    /** The Debian 13 (trixie) lab image, built by {@code lab/build-image.sh trixie}. */
    public static final String TRIXIE_IMAGE = System.getenv().getOrDefault("PROVISIONER_LAB_TRIXIE_IMAGE", "provisioner-lab:trixie");
    private static final java.util.Map<String, String> PROBLEMS = new java.util.concurrent.ConcurrentHashMap<>();

    private DockerSupport() {
    }

    /** Returns when lab hosts can start; otherwise fails (CI) or aborts the test (elsewhere). */
    public static void requireLab() {
        requireLab(IMAGE);
    }

    /** Returns when lab hosts on every one of {@code images} can start; otherwise fails (CI) or aborts the test (elsewhere). */
    public static void requireLab(String... images) {
        String problem = java.util.Arrays.stream(images).map(DockerSupport::problem).filter(p -> !p.isEmpty()).findFirst().orElse(null);
        if (problem == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true and lab hosts cannot start: " + problem);
        }
        Assumptions.abort("lab tests skipped: " + problem + " (run bin/test, which installs and starts the engine)");
    }

    /** The reason lab hosts on {@code image} cannot start, "" when they can; probed once per image. */
    private static String problem(String image) {
        return PROBLEMS.computeIfAbsent(image, DockerSupport::probe);
    }

    private static String probe(String image) {
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return "no Docker engine answers";
            }
            var images = DockerClientFactory.instance().client().listImagesCmd().withImageNameFilter(image).exec();
            if (images.isEmpty()) {
                String suite = image.contains(":") ? image.substring(image.indexOf(':') + 1) : "bookworm";
                return "lab image " + image + " is missing (lab/build-image.sh " + suite + " builds it)";
            }
            return "";
        } catch (RuntimeException e) {
            return "Docker engine unusable: " + e.getMessage();
        }
    }
}
