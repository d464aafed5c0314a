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
 * Turns component, version and architecture into verified local binaries. The expected SHA-256 of a file
 * is, in order: the catalogue's pin (pins always win), the cluster's lock file ({@link LockFile}), the
 * {@code SHA256SUMS} of the artifacts directory for a file found there, or the checksum file the publisher
 * releases next to the file, fetched over HTTPS from the same release. With
 * {@link ResolverSettings#requirePinned()} only the first two count. The bytes come from the artifacts
 * directory, the cache (every hit is hashed again) or a download verified while streaming; every checksum
 * used is recorded in the lock file, so later runs verify against the same value.
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
    private final LockFile lock;

    /**
     * @param catalog  the pinned catalogue, normally {@link ArtifactCatalog#bundled()}
     * @param settings cache, artifacts directory and download settings
     */
    public ArtifactResolver(ArtifactCatalog catalog, ResolverSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
        this.cache = new ArtifactCache(settings.cacheDir());
        this.downloader = new Downloader(settings.download());
        this.lock = new LockFile(settings.lockFile());
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

    /** The checksum a file is verified against, and how the lock file names where it came from. */
    private record Expected(String sha256, ChecksumSource source, String lockSource) {
    }

    private Object attempt(ArtifactRequest r, Sha256Sums sums, Set<String> unreachable) {
        ComponentLayout layout = catalog.layout(r.component());
        String rel = layout.file(r.version(), r.arch());
        String name = layout.fileName(r.version(), r.arch());
        URI url = layout.url(r.version(), r.arch());
        Optional<Expected> known = pinned(r);
        Optional<Path> dir = settings.artifactsDir();
        if (dir.isPresent()) {
            Path file = dir.get().resolve(rel).normalize();
            if (!file.startsWith(dir.get())) {
                throw new ArtifactException(rel + " points outside the artifacts directory " + dir.get());
            }
            if (Files.isRegularFile(file)) {
                Expected e = known.orElseGet(() -> fromSums(r, file, rel, url, sums, dir.get()));
                return fromDirectory(r, layout, file, rel, name, url, e);
            }
        }
        if (known.isEmpty() && settings.requirePinned()) {
            throw notPinned(r, rel, url);
        }
        if (known.isEmpty()) {
            Optional<URI> sumsUrl = layout.checksumsUrl(r.version(), r.arch());
            if (sumsUrl.isEmpty()) {
                List<String> versions = catalog.knownVersions(r.component(), r.arch());
                return new MissingArtifact(r, rel, url, false, "the catalogue pins no checksum for " + r
                        + "; known versions: " + (versions.isEmpty() ? "none" : String.join(", ", versions))
                        + "; the publisher releases no checksum file next to it"
                        + (dir.isPresent() ? " and " + rel + " is not in the artifacts directory" : ""));
            }
            Object e = publisherChecksum(r, layout, sumsUrl.get(), rel, url, unreachable);
            if (e instanceof MissingArtifact m) {
                return m;
            }
            known = Optional.of((Expected) e);
        }
        Expected expected = known.get();
        Optional<Path> cached = cache.lookup(expected.sha256(), name);
        if (cached.isPresent()) {
            return finish(r, layout, url, cached.get(), expected, Origin.CACHE);
        }
        Optional<MissingArtifact> blocked = blocked(r, rel, url, unreachable, true);
        if (blocked.isPresent()) {
            return blocked.get();
        }
        return download(r, layout, url, rel, name, expected, unreachable);
    }

    /** The catalogue's pin, else the lock file's entry. */
    private Optional<Expected> pinned(ArtifactRequest r) {
        Optional<PinnedChecksum> pin = catalog.pin(r);
        if (pin.isPresent()) {
            return Optional.of(new Expected(pin.get().sha256(), ChecksumSource.CATALOGUE,
                    "catalogue:" + pin.get().source()));
        }
        return lock.get(r).map(e -> new Expected(e.sha256(), ChecksumSource.LOCK_FILE, e.source()));
    }

    private Expected fromSums(ArtifactRequest r, Path file, String rel, URI url, Sha256Sums sums, Path dir) {
        if (settings.requirePinned()) {
            throw notPinned(r, rel, url);
        }
        String sha = sums.get(rel).orElseThrow(() -> new ArtifactException(file + " is not covered by any checksum:"
                + " the catalogue pins none for " + r + ", the lock file " + lock.path() + " has no entry and "
                + Sha256Sums.FILE_NAME + " in the artifacts directory does not list " + rel + "; refusing to use it"));
        return new Expected(sha, ChecksumSource.SHA256SUMS, Sha256Sums.FILE_NAME + ":" + dir.toUri());
    }

    private ArtifactException notPinned(ArtifactRequest r, String rel, URI url) {
        return new ArtifactException("refused: " + rel + " (" + url + ", " + r + ") is pinned by neither the catalogue"
                + " nor the lock file " + lock.path() + ", and pinned checksums are required (--require-pinned or"
                + " install.requirePinned); nothing was installed");
    }

    /** A reason not to go to the network: downloads off, or the host already failed in this run. */
    private Optional<MissingArtifact> blocked(ArtifactRequest r, String rel, URI url, Set<String> unreachable,
                                              boolean pinned) {
        if (!settings.download().enabled()) {
            return Optional.of(new MissingArtifact(r, rel, url, pinned, "downloads are switched off and the file is"
                    + " not " + (settings.artifactsDir().isPresent() ? "in the artifacts directory" : "cached")));
        }
        String host = String.valueOf(url.getHost());
        if (unreachable.contains(host)) {
            return Optional.of(new MissingArtifact(r, rel, url, pinned, "not tried: " + host
                    + " was unreachable earlier in this run"));
        }
        return Optional.empty();
    }

    /** The publisher's checksum for the file, fetched over HTTPS from the same release, or why it cannot be had. */
    private Object publisherChecksum(ArtifactRequest r, ComponentLayout layout, URI sumsUrl, String rel, URI url,
                                     Set<String> unreachable) {
        Optional<MissingArtifact> blocked = blocked(r, rel, sumsUrl, unreachable, false);
        if (blocked.isPresent()) {
            return new MissingArtifact(r, rel, url, false, blocked.get().reason()
                    + "; the catalogue pins no checksum and the publisher's checksum file " + sumsUrl
                    + " cannot be fetched");
        }
        String text;
        try {
            text = downloader.fetchText(sumsUrl, 1 << 20);
        } catch (Downloader.InsecureRedirectException e) {
            throw new ArtifactException(rel + " (" + url + "): " + e.getMessage() + "; nothing was installed", e);
        } catch (Downloader.HttpStatusException e) {
            return new MissingArtifact(r, rel, url, false, "the catalogue pins no checksum and the publisher's"
                    + " checksum file " + sumsUrl + " is not available: " + e.getMessage());
        } catch (IOException e) {
            unreachable.add(String.valueOf(sumsUrl.getHost()));
            return new MissingArtifact(r, rel, url, false, "cannot fetch the publisher's checksum file " + sumsUrl
                    + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArtifactException("interrupted while downloading " + sumsUrl, e);
        }
        try {
            String sha = PublishedChecksumFile.find(text, layout.urlFileName(r.version(), r.arch()), sumsUrl);
            return new Expected(sha, ChecksumSource.PUBLISHER, "publisher:" + sumsUrl);
        } catch (ArtifactException e) {
            return new MissingArtifact(r, rel, url, false, e.getMessage());
        }
    }

    private Object download(ArtifactRequest r, ComponentLayout layout, URI url, String rel, String name,
                            Expected expected, Set<String> unreachable) {
        Path temp = cache.newTempFile();
        String actual;
        try {
            actual = downloader.fetch(url, temp);
        } catch (Downloader.InsecureRedirectException e) {
            cache.discard(temp);
            throw new ArtifactException(rel + " (" + url + "): " + e.getMessage() + "; nothing was installed", e);
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
        if (!actual.equals(expected.sha256())) {
            cache.discard(temp);
            throw new ChecksumMismatchException(rel + " from " + url, expected.sha256(), actual, expected.source());
        }
        Path stored = cache.commit(temp, expected.sha256(), name, layout.kind() == ArchiveKind.RAW);
        return finish(r, layout, url, stored, expected, Origin.DOWNLOAD);
    }

    private ResolvedArtifact fromDirectory(ArtifactRequest r, ComponentLayout layout, Path file, String rel,
                                           String name, URI url, Expected expected) {
        Optional<Path> cached = cache.lookup(expected.sha256(), name);
        if (cached.isPresent()) {
            return finish(r, layout, url, cached.get(), expected, Origin.CACHE);
        }
        Path temp = cache.newTempFile();
        String actual;
        try (InputStream in = Files.newInputStream(file)) {
            actual = HashingCopy.copy(in, temp, Long.MAX_VALUE);
        } catch (IOException e) {
            cache.discard(temp);
            throw new ArtifactException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!actual.equals(expected.sha256())) {
            cache.discard(temp);
            throw new ChecksumMismatchException(file + " (released at " + url + ")", expected.sha256(), actual,
                    expected.source());
        }
        LOG.info("{} verified from the artifacts directory ({})", rel, expected.source().description());
        Path stored = cache.commit(temp, expected.sha256(), name, layout.kind() == ArchiveKind.RAW);
        return finish(r, layout, url, stored, expected, Origin.ARTIFACTS_DIR);
    }

    private ResolvedArtifact finish(ArtifactRequest r, ComponentLayout layout, URI url, Path file, Expected expected,
                                    Origin origin) {
        String sha = expected.sha256();
        Map<String, String> wanted = layout.binaries(r.version(), r.arch());
        Map<String, Path> binaries = layout.kind() == ArchiveKind.RAW
                ? Map.of(wanted.keySet().iterator().next(), file)
                : cache.binaries(file, sha, wanted);
        lock.record(new LockEntry(r.component(), r.version(), r.arch(), url, sha, expected.lockSource()));
        return new ResolvedArtifact(r.component(), r.version(), r.arch(), binaries, file, sha, expected.source(),
                origin);
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
