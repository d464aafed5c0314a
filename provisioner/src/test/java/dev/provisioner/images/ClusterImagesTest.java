package dev.provisioner.images;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.testsupport.EngineFixtures;
import dev.provisioner.testsupport.LocalRegistry;
import dev.provisioner.testsupport.TinyOciImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The images folder of a bundle pushed into the inventory's registry (a real docker-registry on 127.0.0.1, no TLS). */
class ClusterImagesTest {
    @TempDir
    Path tmp;

    private static Inventory inventory(int port, boolean registry) {
        var b = Inventory.builder().clusterName("lab")
                .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER, Role.NODE).keyFile(EngineFixtures.KEY));
        return registry ? b.host("registry", h -> h.address("127.0.0.1").roles(Role.REGISTRY).keyFile(EngineFixtures.KEY))
                .set("cluster.registry.port", port).set("cluster.registry.tls", false).build()
                : b.set("cluster.registry.enabled", false).build();
    }

    @Test
    void everyArchiveOfTheImagesFolderIsPushedUnderItsMirrorRepository() throws Exception {
        Path images = Files.createDirectories(tmp.resolve("bundle/images"));
        TinyOciImage.write(images.resolve("pause.tar"), "registry.k8s.io/pause:3.10.1");
        TinyOciImage.write(images.resolve("web.tar"), "docker.io/library/web:1.0");
        try (LocalRegistry registry = new LocalRegistry(Files.createDirectories(tmp.resolve("registry")))) {
            Inventory inv = inventory(registry.url().getPort(), true);
            assertThat(ClusterImages.push(inv, Optional.empty(), images, registry.url().getPort(), Optional.empty()))
                    .containsExactly("registry.k8s.io/pause:3.10.1", "docker.io/library/web:1.0");
            HttpResponse<Void> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    registry.url().resolve("/v2/docker.io/library/web/manifests/1.0"))
                    .header("Accept", "application/vnd.oci.image.manifest.v1+json").build(), HttpResponse.BodyHandlers.discarding());
            assertThat(got.statusCode()).isEqualTo(200);
            assertThat(ClusterImages.push(inventory(registry.url().getPort(), false), Optional.empty(), images,
                    registry.url().getPort(), Optional.empty()))
                    .as("no registry in the inventory: nothing to push").isEmpty();
        }
    }
}
