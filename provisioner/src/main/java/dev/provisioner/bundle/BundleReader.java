package dev.provisioner.bundle;

import dev.provisioner.PrivateDirectories;
import dev.provisioner.artifacts.LockEntry;
import dev.provisioner.artifacts.LockFile;
import dev.provisioner.artifacts.Sha256Sums;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Verifies a bundle completely, then unpacks it into {@code <state>/bundle}: every entry a regular file with a
 * plain relative path, listed once in {@code SHA256SUMS} with its checksum, nothing listed missing, and
 * {@code manifest.yaml} listing exactly the same files and checksums. The bundle's lock entries join the
 * cluster's lock file; one that contradicts an existing entry is refused. Nothing is kept of a refused bundle.
 */
public final class BundleReader {
    /** The checksum list inside a bundle. */
    public static final String SUMS = Sha256Sums.FILE_NAME;

    private BundleReader() {
    }

    /**
     * @param bundle   the bundle file
     * @param stateDir the cluster state directory (lock file, unpack location)
     * @throws BundleException naming the file and what does not match
     */
    public static OpenedBundle unpack(Path bundle, Path stateDir) {
        if (!Files.isRegularFile(bundle)) {
            throw new BundleException("bundle " + bundle + " does not exist");
        }
        Path work = null;
        try {
            PrivateDirectories.create(stateDir);
            work = Files.createTempDirectory(stateDir, ".bundle-");
            Map<String, String> actual = extract(bundle, work);
            BundleManifest manifest = verify(bundle, work, actual);
            mergeLock(bundle, work.resolve(LockFile.FILE_NAME), new LockFile(stateDir.resolve(LockFile.FILE_NAME)));
            Path target = stateDir.resolve("bundle");
            deleteTree(target);
            Files.move(work, target);
            work = null;
            return new OpenedBundle(target.toAbsolutePath(), manifest);
        } catch (IOException e) {
            throw new BundleException("cannot read the bundle " + bundle + ": " + e.getMessage(), e);
        } finally {
            if (work != null) {
                deleteTree(work);
            }
        }
    }

    private static Map<String, String> extract(Path bundle, Path work) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(bundle), 1 << 16);
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                String name = Sha256Sums.normalize(e.getName());
                if (e.isDirectory()) {
                    continue;
                }
                if (!e.isFile() || e.isSymbolicLink() || e.isLink() || !safe(name)) {
                    throw new BundleException("bundle " + bundle + " refused: entry '" + e.getName()
                            + "' is not a regular file with a plain relative path");
                }
                if (sums.containsKey(name)) {
                    throw new BundleException("bundle " + bundle + " refused: '" + name + "' appears twice");
                }
                Path out = work.resolve(name);
                Files.createDirectories(out.getParent());
                MessageDigest sha = BundleCreator.sha256();
                try (OutputStream o = Files.newOutputStream(out)) {
                    byte[] buf = new byte[1 << 16];
                    for (int n; (n = tar.read(buf)) > 0; ) {
                        sha.update(buf, 0, n);
                        o.write(buf, 0, n);
                    }
                }
                sums.put(name, HexFormat.of().formatHex(sha.digest()));
            }
        } catch (IllegalArgumentException e) {
            throw new BundleException("bundle " + bundle + " refused: not a valid tar: " + e.getMessage(), e);
        }
        return sums;
    }

    private static BundleManifest verify(Path bundle, Path work, Map<String, String> actual) throws IOException {
        if (!actual.containsKey(SUMS) || !actual.containsKey(BundleManifest.FILE_NAME)) {
            throw new BundleException("bundle " + bundle + " refused: it has no " + SUMS + " or no "
                    + BundleManifest.FILE_NAME);
        }
        Sha256Sums listed;
        try {
            listed = Sha256Sums.parse(Files.readAllLines(work.resolve(SUMS), StandardCharsets.UTF_8), bundle + "!" + SUMS);
        } catch (RuntimeException e) {
            throw new BundleException("bundle " + bundle + " refused: " + e.getMessage(), e);
        }
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> f : actual.entrySet()) {
            if (f.getKey().equals(SUMS)) {
                continue;
            }
            Optional<String> want = listed.get(f.getKey());
            if (want.isEmpty()) {
                throw new BundleException("bundle " + bundle + " refused: " + f.getKey() + " is not listed in " + SUMS);
            }
            if (!want.get().equals(f.getValue())) {
                throw new BundleException("bundle " + bundle + " refused: SHA-256 mismatch for " + f.getKey()
                        + ": " + SUMS + " lists " + want.get() + ", the file has " + f.getValue());
            }
            seen.add(f.getKey());
        }
        for (String path : listed.byPath().keySet()) {
            if (!seen.contains(path)) {
                throw new BundleException("bundle " + bundle + " refused: " + path + " is listed in " + SUMS
                        + " but missing from the bundle");
            }
        }
        BundleManifest manifest = BundleManifest.parse(
                Files.readString(work.resolve(BundleManifest.FILE_NAME), StandardCharsets.UTF_8),
                bundle + "!" + BundleManifest.FILE_NAME);
        Map<String, String> expected = new TreeMap<>(actual);
        expected.remove(SUMS);
        expected.remove(BundleManifest.FILE_NAME);
        if (!manifest.files().equals(expected)) {
            throw new BundleException("bundle " + bundle + " refused: " + BundleManifest.FILE_NAME
                    + " does not list exactly the bundle's files and checksums");
        }
        return manifest;
    }

    private static void mergeLock(Path bundle, Path bundleLock, LockFile cluster) {
        if (!Files.isRegularFile(bundleLock)) {
            return;
        }
        for (LockEntry e : new LockFile(bundleLock).entries()) {
            Optional<LockEntry> have = cluster.get(e.request());
            if (have.isPresent() && !have.get().sha256().equals(e.sha256())) {
                throw new BundleException("bundle " + bundle + " refused: its checksum of " + e.request() + " ("
                        + e.url() + ") is " + e.sha256() + " but the cluster's lock file " + cluster.path()
                        + " has " + have.get().sha256());
            }
        }
        new LockFile(bundleLock).entries().forEach(cluster::record);
    }

    private static boolean safe(String name) {
        return !name.isEmpty() && !name.startsWith("/") && !name.contains("\\")
                && List.of(name.split("/")).stream().noneMatch(s -> s.isEmpty() || s.equals("..") || s.equals("."));
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            for (Path x : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        } catch (IOException e) {
            throw new BundleException("cannot delete " + p + ": " + e.getMessage(), e);
        }
    }
}
