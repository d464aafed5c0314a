package dev.provisioner.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Every file a plan would write, computed without contacting any host.
 *
 * @param files in plan order, hosts in inventory order
 * @since 0.1
 */
public record RenderReport(List<RenderedFile> files) {
    public RenderReport {
        files = List.copyOf(files);
    }

    public List<RenderedFile> files(String host) {
        return files.stream().filter(f -> f.host().equals(host)).toList();
    }

    /**
     * Writes each file to {@code dir/<host>/<absolute path>}; sensitive files get mode 0600.
     *
     * @return the written paths
     */
    public List<Path> writeTo(Path dir) {
        List<Path> written = new ArrayList<>();
        try {
            for (RenderedFile f : files) {
                Path target = dir.resolve(f.host()).resolve(f.path().substring(1)).normalize();
                if (!target.startsWith(dir.resolve(f.host()).normalize())) {
                    throw new IllegalArgumentException("path escapes the output directory: " + f.path());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, f.content());
                if (f.sensitive()) {
                    try {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException ignored) {
                        // not a POSIX file system
                    }
                }
                written.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write rendered files to " + dir, e);
        }
        return written;
    }
}
