package dev.provisioner.bundle;

import dev.provisioner.artifacts.Arch;
import dev.provisioner.artifacts.ArtifactCatalog;
import dev.provisioner.artifacts.ArtifactRequest;
import dev.provisioner.artifacts.ArtifactResolver;
import dev.provisioner.artifacts.LockEntry;
import dev.provisioner.artifacts.LockFile;
import dev.provisioner.artifacts.ResolvedArtifact;
import dev.provisioner.artifacts.ResolverSettings;
import dev.provisioner.images.ClusterImages;
import dev.provisioner.images.ImageName;
import dev.provisioner.images.ImagePuller;
import dev.provisioner.images.OciArchive;
import dev.provisioner.inventory.Inventory;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes a bundle on a connected machine: resolves every release file the inventory needs for each architecture
 * (downloads verified against the catalogue, the lock file or the publisher's checksum, recorded in the lock
 * file), adds the lock entries of those files and the given OCI image archives (the cluster's images not among them
 * pulled from their registries, when a puller is given), then {@code manifest.yaml} and {@code SHA256SUMS}. The tar is written next to the output and renamed into place when complete.
 */
public final class BundleCreator {
    private static final Logger LOG = LoggerFactory.getLogger(BundleCreator.class);
    /** Where image archives go inside a bundle. */
    public static final String IMAGES_DIR = "images/";

    private final ArtifactCatalog catalog;
    private final ResolverSettings settings;

    /**
     * @param catalog  the catalogue, normally {@link ArtifactCatalog#bundled()}
     * @param settings cache, lock file, downloads of this run
     */
    public BundleCreator(ArtifactCatalog catalog, ResolverSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    /**
     * Writes the bundle for {@code inventory}.
     *
     * @param arches  the hosts' architectures
     * @param images  OCI image archives of the cluster's images (pause, CoreDNS, smoke-test app)
     * @param output  the bundle file to write
     * @return its manifest
     * @throws dev.provisioner.artifacts.MissingArtifacts when release files cannot be had (nothing is written)
     * @throws BundleException when it cannot be written
     */
    public BundleManifest create(Inventory inventory, List<Arch> arches, List<Path> images, Path output) {
        return create(inventory, arches, images, Optional.empty(), output);
    }

    /**
     * Writes the bundle for {@code inventory}, pulling with {@code puller} every image of
     * {@link ClusterImages#REQUIRED} that no archive of {@code images} holds (for all of {@code arches}); without a
     * puller those images are left out.
     *
     * @throws dev.provisioner.images.ImagePullException naming image and registry when a pull fails (nothing is written)
     */
    public BundleManifest create(Inventory inventory, List<Arch> arches, List<Path> images,
                                 Optional<ImagePuller> puller, Path output) {
        List<ArtifactRequest> requests = ReleaseSet.of(inventory, arches);
        List<ResolvedArtifact> resolved = new ArtifactResolver(catalog, settings).resolveAll(requests);
        List<OciArchive> supplied = images.stream().map(OciArchive::read).toList();
        if (puller.isEmpty()) {
            return write(inventory, requests, resolved, supplied, output);
        }
        Set<String> have = new HashSet<>();
        supplied.forEach(a -> a.references().forEach(r -> have.add(ImageName.parse(r).toString())));
        Path pulledDir = null;
        try {
            pulledDir = Files.createTempDirectory(output.toAbsolutePath().getParent(), ".bundle-images-");
            List<OciArchive> archives = new ArrayList<>(supplied);
            List<String> archIds = arches.stream().map(Arch::id).toList();
            for (String ref : ClusterImages.REQUIRED) {
                if (have.contains(ImageName.parse(ref).toString())) {
                    continue;
                }
                Path file = pulledDir.resolve(ref.replaceAll("[^A-Za-z0-9._-]", "_") + ".tar");
                archives.add(OciArchive.read(puller.get().pull(ref, archIds, file)));
            }
            return write(inventory, requests, resolved, archives, output);
        } catch (IOException e) {
            throw new BundleException("cannot pull images next to " + output + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(pulledDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", dir, e.getMessage());
        }
    }

    private BundleManifest write(Inventory inventory, List<ArtifactRequest> requests, List<ResolvedArtifact> resolved,
                                 List<OciArchive> archives, Path output) {
        LockFile lock = new LockFile(settings.lockFile());
        StringBuilder lockText = new StringBuilder("# lock entries of the release files in this bundle\n");
        Map<String, Path> entries = new LinkedHashMap<>();
        List<String> releases = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            ArtifactRequest r = requests.get(i);
            String rel = catalog.layout(r.component()).file(r.version(), r.arch());
            entries.put(rel, resolved.get(i).file());
            releases.add(r.component() + " " + r.version() + " " + r.arch().id() + " " + rel);
            LockEntry e = lock.get(r).orElseThrow(() -> new BundleException("no lock entry for " + r + " in "
                    + lock.path() + " after resolving it"));
            lockText.append(String.join("  ", e.component(), e.version(), e.arch().id(), e.url().toString(),
                    e.sha256(), e.source())).append('\n');
        }
        Map<String, String> imageRefs = new LinkedHashMap<>();
        for (OciArchive a : archives) {
            String path = IMAGES_DIR + a.file().getFileName();
            if (entries.put(path, a.file()) != null) {
                throw new BundleException("two image archives are named " + a.file().getFileName());
            }
            a.references().forEach(ref -> imageRefs.put(ref, path));
        }
        try {
            Path tmp = Files.createTempFile(output.toAbsolutePath().getParent(), ".bundle-", ".part");
            try {
                Map<String, String> sums = new LinkedHashMap<>();
                try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
                        new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                    for (Map.Entry<String, Path> e : entries.entrySet()) {
                        sums.put(e.getKey(), addFile(tar, e.getKey(), e.getValue()));
                    }
                    sums.put(LockFile.FILE_NAME, addBytes(tar, LockFile.FILE_NAME,
                            lockText.toString().getBytes(StandardCharsets.UTF_8)));
                    BundleManifest manifest = new BundleManifest(inventory.cluster().name(), releases, imageRefs, sums);
                    Map<String, String> all = new LinkedHashMap<>(sums);
                    all.put(BundleManifest.FILE_NAME, addBytes(tar, BundleManifest.FILE_NAME,
                            manifest.toYaml().getBytes(StandardCharsets.UTF_8)));
                    StringBuilder sha256sums = new StringBuilder();
                    all.forEach((p, sha) -> sha256sums.append(sha).append("  ").append(p).append('\n'));
                    addBytes(tar, BundleReader.SUMS, sha256sums.toString().getBytes(StandardCharsets.UTF_8));
                    tar.finish();
                    Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    LOG.info("bundle {}: {} release files, {} image archives", output, requests.size(), archives.size());
                    return manifest;
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new BundleException("cannot write the bundle " + output + ": " + e.getMessage(), e);
        }
    }

    private static String addFile(TarArchiveOutputStream tar, String path, Path file) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(path);
        entry.setSize(Files.size(file));
        entry.setMode(0644);
        tar.putArchiveEntry(entry);
        MessageDigest sha = sha256();
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
                tar.write(buf, 0, n);
            }
        }
        tar.closeArchiveEntry();
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String addBytes(TarArchiveOutputStream tar, String path, byte[] bytes) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(path);
        entry.setSize(bytes.length);
        entry.setMode(0644);
        tar.putArchiveEntry(entry);
        ((OutputStream) tar).write(bytes);
        tar.closeArchiveEntry();
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
