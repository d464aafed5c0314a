package dev.provisioner.testsupport;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes a minimal but well-formed OCI image layout tar (oci-layout, index.json with the containerd name
 * annotation, an image manifest, a config and one empty layer) for tests that need an image archive.
 */
public final class TinyOciImage {
    private TinyOciImage() {
    }

    public static Path write(Path out, String reference) throws IOException {
        Image image = image("amd64");
        byte[] index = ("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"digest\":\"sha256:" + sha(image.manifest) + "\",\"size\":" + image.manifest.length + ",\"annotations\":{"
                + annotations(reference) + "}}]}").getBytes(StandardCharsets.UTF_8);
        try (OutputStream o = Files.newOutputStream(out); TarArchiveOutputStream tar = new TarArchiveOutputStream(o)) {
            add(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
            add(tar, "index.json", index);
            image.addTo(tar);
        }
        return out;
    }

    /** A multi-architecture image: an OCI image index with one linux manifest per architecture (arm64 as v8). */
    public static Path writeMultiArch(Path out, String reference, String... architectures) throws IOException {
        StringBuilder children = new StringBuilder();
        java.util.List<Image> images = new java.util.ArrayList<>();
        for (String arch : architectures) {
            Image image = image(arch);
            images.add(image);
            children.append(children.length() == 0 ? "" : ",").append("{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",")
                    .append("\"digest\":\"sha256:").append(sha(image.manifest)).append("\",\"size\":").append(image.manifest.length)
                    .append(",\"platform\":{\"architecture\":\"").append(arch).append("\",\"os\":\"linux\"")
                    .append(arch.equals("arm64") ? ",\"variant\":\"v8\"" : "").append("}}");
        }
        byte[] imageIndex = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
                + children + "]}").getBytes(StandardCharsets.UTF_8);
        byte[] index = ("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                + "\"digest\":\"sha256:" + sha(imageIndex) + "\",\"size\":" + imageIndex.length + ",\"annotations\":{"
                + annotations(reference) + "}}]}").getBytes(StandardCharsets.UTF_8);
        try (OutputStream o = Files.newOutputStream(out); TarArchiveOutputStream tar = new TarArchiveOutputStream(o)) {
            add(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
            add(tar, "index.json", index);
            add(tar, "blobs/sha256/" + sha(imageIndex), imageIndex);
            java.util.Set<String> written = new java.util.HashSet<>();
            for (Image image : images) {
                image.addTo(tar, written);
            }
        }
        return out;
    }

    private static String annotations(String reference) {
        return "\"io.containerd.image.name\":\"" + reference + "\",\"org.opencontainers.image.ref.name\":\""
                + reference.substring(reference.lastIndexOf(':') + 1) + "\"";
    }

    /** One architecture's manifest, config and (empty) layer. */
    private record Image(byte[] manifest, byte[] config, byte[] layer) {
        void addTo(TarArchiveOutputStream tar) throws IOException {
            addTo(tar, new java.util.HashSet<>());
        }

        void addTo(TarArchiveOutputStream tar, java.util.Set<String> written) throws IOException {
            for (byte[] b : java.util.List.of(manifest, config, layer)) {
                if (written.add(sha(b))) {
                    add(tar, "blobs/sha256/" + sha(b), b);
                }
            }
        }
    }

    private static Image image(String arch) throws IOException {
        byte[] layer = emptyTarGz();
        String diff = "sha256:" + sha(emptyTar());
        byte[] config = ("{\"architecture\":\"" + arch + "\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/pause\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diff + "\"]}}").getBytes(StandardCharsets.UTF_8);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:" + sha(config)
                + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\","
                + "\"digest\":\"sha256:" + sha(layer) + "\",\"size\":" + layer.length + "}]}").getBytes(StandardCharsets.UTF_8);
        return new Image(manifest, config, layer);
    }

    private static byte[] emptyTar() {
        return new byte[1024];
    }

    private static byte[] emptyTarGz() throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(b)) {
            gz.write(emptyTar());
        }
        return b.toByteArray();
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(bytes.length);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
