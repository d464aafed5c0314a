package dev.provisioner.artifacts;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Takes named regular files out of a release {@code .tar.gz} with Apache Commons Compress (ustar, GNU
 * and PAX headers). Only the wanted files are written, each under a name chosen by the caller, so archive
 * paths can never escape the output folder. Directories, links and every other entry are skipped.
 */
final class ArchiveExtractor {
    private ArchiveExtractor() {
    }

    /**
     * Extracts files from a .tar.gz.
     *
     * @param archive the archive
     * @param wanted  path inside the archive (a leading {@code ./} ignored) to output file name
     * @param outDir  existing folder the files are written to
     * @return output file name to written path, for every wanted path found
     * @throws IOException for a corrupt or truncated archive
     */
    static Map<String, Path> extract(Path archive, Map<String, String> wanted, Path outDir) throws IOException {
        Map<String, String> byPath = new LinkedHashMap<>();
        wanted.forEach((path, name) -> byPath.put(Sha256Sums.normalize(path), name));
        Map<String, Path> written = new LinkedHashMap<>();
        try (InputStream gz = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), 1 << 16);
             TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = byPath.get(Sha256Sums.normalize(entry.getName()));
                if (name == null || !entry.isFile() || entry.isSymbolicLink() || entry.isLink()) {
                    continue;
                }
                Path target = outDir.resolve(name);
                long copied = Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                if (copied != entry.getSize()) {
                    throw new IOException(archive.getFileName() + " is truncated inside " + entry.getName());
                }
                written.put(name, target);
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(archive.getFileName() + " is not a valid tar.gz: " + e.getMessage(), e);
        }
        return written;
    }
}
