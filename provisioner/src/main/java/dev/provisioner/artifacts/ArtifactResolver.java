package dev.provisioner.artifacts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns component, version and architecture into verified local binaries. For each request, in order:
 * <ol>
 *   <li>the artifacts directory, if one is given and holds the file at {@link ComponentLayout#file}: its
 *       expected SHA-256 is the catalogue's pin when there is one, otherwise the line of {@code SHA256SUMS};
 *       a file covered by neither is refused;</li>
 *   <li>the cache, for a pinned file (every cache hit is hashed again);</li>
 *   <li>a download of the pinned file, verified while streaming.</li>
 * </ol>
 * A checksum mismatch is refused at once ({@link ChecksumMismatchException}); nothing is returned and
 * nothing stays in the cache. Files that cannot be had are collected and reported together
 * ({@link MissingArtifacts}). Archives are extracted once into the cache.
 */
public final class ArtifactResolver {
    private static final Logger LOG = LoggerFactory.getLogger(ArtifactResolver.class);

    private final ArtifactCatalog catalog;
    private final ResolverSettings settings;
    private final ArtifactCache cache;
    private final Downloader downloader;

    /**
     * @param catalog  the pinned catalogue, normally {@link ArtifactCatalog#bundled()}
     * @param settings cache, artifacts directory and download settings
     */
    public ArtifactResolver(ArtifactCatalog catalog, ResolverSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
        this.cache = new ArtifactCache(settings.cacheDir());
        this.downloader = new Downloader(settings.download());
    }

    /**
     * Resolves one release file.
     *
     * @throws MissingArtifacts          when it cannot be had here
     * @throws ChecksumMismatchException when bytes do not match the expected checksum
     * @throws ArtifactException         for an unknown component, an uncovered file, an unusable archive
     */
    public ResolvedArtifact resolve(ArtifactRequest request) {
        return resolveAll(List.of(request)).get(0);
    }

    /**
     * Resolves several release files, reporting every missing one at once.
     *
     * @return one result per request, in request order
     * @throws MissingArtifacts          listing every file that cannot be had here (after trying all)
     * @throws ChecksumMismatchException at the first mismatch
     */
    public List<ResolvedArtifact> resolveAll(List<ArtifactRequest> requests) {
        Optional<Path> dir = settings.artifactsDir();
        dir.ifPresent(d -> {
            if (!Files.isDirectory(d)) {
                throw new ArtifactException("artifacts directory " + d + " does not exist or is not a directory");
            }
        });
        Sha256Sums sums = dir.map(Sha256Sums::read).orElse(Sha256Sums.EMPTY);
        List<ResolvedArtifact> out = new ArrayList<>();
        List<MissingArtifact> missing = new ArrayList<>();
        Set<String> unreachable = new HashSet<>();
        for (ArtifactRequest r : requests) {
            Object result = attempt(r, sums, unreachable);
            if (result instanceof ResolvedArtifact a) {
                out.add(a);
            } else {
                missing.add((MissingArtifact) result);
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingArtifacts(missing, dir);
        }
        return out;
    }

    private Object attempt(ArtifactRequest r, Sha256Sums sums, Set<String> unreachable) {
        ComponentLayout layout = catalog.layout(r.component());
        Optional<PinnedChecksum> pin = catalog.pin(r);
        String rel = layout.file(r.version(), r.arch());
        String name = layout.fileName(r.version(), r.arch());
        URI url = layout.url(r.version(), r.arch());
        Optional<Path> dir = settings.artifactsDir();
        if (dir.isPresent()) {
            Path file = dir.get().resolve(rel).normalize();
            if (!file.startsWith(dir.get())) {
                throw new ArtifactException(rel + " points outside the artifacts directory " + dir.get());
            }
            if (Files.isRegularFile(file)) {
                return fromDirectory(r, layout, file, rel, name, pin, sums);
            }
        }
        if (pin.isEmpty()) {
            List<String> known = catalog.knownVersions(r.component(), r.arch());
            return new MissingArtifact(r, rel, url, false, "the catalogue pins no checksum for " + r
                    + "; known versions: " + (known.isEmpty() ? "none" : String.join(", ", known))
                    + (dir.isPresent() ? " and " + rel + " is not in the artifacts directory" : ""));
        }
        String sha = pin.get().sha256();
        Optional<Path> cached = cache.lookup(sha, name);
        if (cached.isPresent()) {
            return finish(r, layout, cached.get(), sha, ChecksumSource.CATALOGUE, Origin.CACHE);
        }
        if (!settings.download().enabled()) {
            return new MissingArtifact(r, rel, url, true, "downloads are switched off and the file is not "
                    + (dir.isPresent() ? "in the artifacts directory" : "cached"));
        }
        String host = String.valueOf(url.getHost());
        if (unreachable.contains(host)) {
            return new MissingArtifact(r, rel, url, true, "not tried: " + host + " was unreachable earlier in this run");
        }
        return download(r, layout, url, rel, name, sha, unreachable);
    }

    private Object download(ArtifactRequest r, ComponentLayout layout, URI url, String rel, String name, String sha,
                            Set<String> unreachable) {
        Path temp = cache.newTempFile();
        String actual;
        try {
            actual = downloader.fetch(url, temp);
        } catch (Downloader.HttpStatusException e) {
            cache.discard(temp);
            return new MissingArtifact(r, rel, url, true, "download failed: " + e.getMessage());
        } catch (IOException e) {
            cache.discard(temp);
            unreachable.add(String.valueOf(url.getHost()));
            return new MissingArtifact(r, rel, url, true, "download failed, cannot reach " + url.getHost() + ": "
                    + describe(e));
        } catch (InterruptedException e) {
            cache.discard(temp);
            Thread.currentThread().interrupt();
            throw new ArtifactException("interrupted while downloading " + url, e);
        }
        if (!actual.equals(sha)) {
            cache.discard(temp);
            throw new ChecksumMismatchException(url.toString(), sha, actual, ChecksumSource.CATALOGUE);
        }
        Path stored = cache.commit(temp, sha, name, layout.kind() == ArchiveKind.RAW);
        return finish(r, layout, stored, sha, ChecksumSource.CATALOGUE, Origin.DOWNLOAD);
    }

    private ResolvedArtifact fromDirectory(ArtifactRequest r, ComponentLayout layout, Path file, String rel,
                                           String name, Optional<PinnedChecksum> pin, Sha256Sums sums) {
        String expected;
        ChecksumSource source;
        if (pin.isPresent()) {
            expected = pin.get().sha256();
            source = ChecksumSource.CATALOGUE;
        } else {
            expected = sums.get(rel).orElseThrow(() -> new ArtifactException(file + " is not covered by any checksum:"
                    + " the catalogue pins none for " + r + " and " + Sha256Sums.FILE_NAME
                    + " in the artifacts directory does not list " + rel + "; refusing to use it"));
            source = ChecksumSource.SHA256SUMS;
        }
        Optional<Path> cached = cache.lookup(expected, name);
        if (cached.isPresent()) {
            return finish(r, layout, cached.get(), expected, source, Origin.CACHE);
        }
        Path temp = cache.newTempFile();
        String actual;
        try (InputStream in = Files.newInputStream(file)) {
            actual = HashingCopy.copy(in, temp, Long.MAX_VALUE);
        } catch (IOException e) {
            cache.discard(temp);
            throw new ArtifactException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!actual.equals(expected)) {
            cache.discard(temp);
            throw new ChecksumMismatchException(file.toString(), expected, actual, source);
        }
        LOG.info("{} verified from the artifacts directory ({})", rel, source);
        Path stored = cache.commit(temp, expected, name, layout.kind() == ArchiveKind.RAW);
        return finish(r, layout, stored, expected, source, Origin.ARTIFACTS_DIR);
    }

    private ResolvedArtifact finish(ArtifactRequest r, ComponentLayout layout, Path file, String sha,
                                    ChecksumSource source, Origin origin) {
        Map<String, String> wanted = layout.binaries(r.version(), r.arch());
        Map<String, Path> binaries = layout.kind() == ArchiveKind.RAW
                ? Map.of(wanted.keySet().iterator().next(), file)
                : cache.binaries(file, sha, wanted);
        return new ResolvedArtifact(r.component(), r.version(), r.arch(), binaries, file, sha, source, origin);
    }

    /** The exception and its causes, e.g. {@code ConnectException <- UnresolvedAddressException}. */
    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 300; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            sb.append(sb.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName())
                    .append(m == null || m.isBlank() ? "" : " (" + m + ")");
        }
        return sb.toString();
    }
}
