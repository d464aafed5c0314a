package dev.provisioner.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A private, temporary copy of the keys and secrets of a cluster state directory ({@code pki/},
 * {@code secrets/}), for {@code render}: a command that contacts nothing must not change the state
 * either. Render reads the cluster's CA and keys from the copy where the state has them; where it
 * has none, the PKI made for the render lives only in the copy and is deleted with it (an apply makes
 * its own). Folders 0700, files 0600 from creation; links in the state are not followed.
 */
final class ScratchState implements AutoCloseable {
    private static final List<String> COPIED = List.of("pki", "secrets");
    private final Path dir;

    private ScratchState(Path dir) {
        this.dir = dir;
    }

    /** A copy of what render needs from {@code state} (which may not exist). */
    static ScratchState copyOf(Path state) {
        try {
            Path dir = Files.createTempDirectory("provisioner-render-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            ScratchState scratch = new ScratchState(dir);
            for (String name : COPIED) {
                Path from = state.resolve(name);
                if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
                    copyTree(from, dir.resolve(name));
                }
            }
            return scratch;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the state directory " + state + " for render", e);
        }
    }

    Path directory() {
        return dir;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Files.createDirectory(to.resolve(from.relativize(d).toString()),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && !f.getFileName().toString().equals(".lock")) {
                    Path target = Files.createFile(to.resolve(from.relativize(f).toString()),
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.write(target, Files.readAllBytes(f), StandardOpenOption.TRUNCATE_EXISTING);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes the copy. */
    @Override
    public void close() {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    Files.delete(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the render's scratch state " + dir, e);
        }
    }
}
