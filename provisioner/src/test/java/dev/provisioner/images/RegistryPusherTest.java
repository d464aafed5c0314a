package dev.provisioner.images;

import dev.provisioner.testsupport.LocalRegistry;
import dev.provisioner.testsupport.TinyOciImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pushing an OCI archive into a real distribution registry (Debian's docker-registry) on 127.0.0.1. */
class RegistryPusherTest {
    @TempDir
    Path tmp;

    @Test
    void anImageIsPushedUnderItsMirrorRepositoryAndCanBeFetchedBack() throws Exception {
        OciArchive archive = OciArchive.read(TinyOciImage.write(tmp.resolve("pause.tar"), "registry.k8s.io/pause:3.10"));
        assertThat(archive.references()).containsExactly("registry.k8s.io/pause:3.10");
        try (LocalRegistry registry = new LocalRegistry(tmp)) {
            RegistryPusher pusher = new RegistryPusher(registry.url(), Optional.empty(), Optional.empty());

            assertThat(pusher.push(archive)).containsExactly("registry.k8s.io/pause:3.10");
            assertThat(pusher.push(archive)).as("a second push is accepted").containsExactly("registry.k8s.io/pause:3.10");

            HttpResponse<String> manifest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            registry.url().resolve("/v2/registry.k8s.io/pause/manifests/3.10"))
                    .header("Accept", "application/vnd.oci.image.manifest.v1+json").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(manifest.statusCode()).isEqualTo(200);
            assertThat(manifest.body()).contains("\"layers\"");
        }
    }

    @Test
    void aRefusedPushNamesTheStatusAndUrl() throws Exception {
        // upper case is not valid in a repository name: the registry answers 400 NAME_INVALID
        OciArchive archive = OciArchive.read(TinyOciImage.write(tmp.resolve("bad.tar"), "registry.k8s.io/Pause:3.10"));
        try (LocalRegistry registry = new LocalRegistry(tmp)) {
            RegistryPusher pusher = new RegistryPusher(registry.url(), Optional.empty(), Optional.empty());
            assertThatThrownBy(() -> pusher.push(archive)).isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("HTTP 40").hasMessageContaining(registry.url() + "/v2/registry.k8s.io/Pause/");
        }
    }

    @Test
    void imageNamesMapToMirrorRepositories() {
        assertThatThrownBy(() -> ImageName.parse("registry.k8s.io/pause@sha256:00")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ImageName.parse("busybox").mirrorRepository()).isEqualTo("docker.io/library/busybox");
        assertThat(ImageName.parse("busybox").tag()).isEqualTo("latest");
        assertThat(ImageName.parse("registry.k8s.io/coredns/coredns:v1.12.0").mirrorRepository())
                .isEqualTo("registry.k8s.io/coredns/coredns");
        assertThat(ImageName.parse("localhost:5000/web:1.0").registry()).isEqualTo("localhost:5000");
    }
}
