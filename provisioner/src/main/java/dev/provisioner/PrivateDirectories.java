package dev.provisioner;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders of the local cluster state (the state directory and everything below it that holds keys,
 * credentials or logs): each one this creates is 0700 from its creation, so no secret ever sits in a
 * folder others can list, whichever part of the library happens to create the state directory first.
 * Folders that exist already keep their mode.
 */
public final class PrivateDirectories {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateDirectories() {
    }

    /** Creates {@code dir} and its missing parents, each created one 0700; returns {@code dir}. */
    public static Path create(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            create(parent);
        }
        if (Files.isDirectory(absolute)) {
            return dir;
        }
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (posix) {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createDirectory(absolute);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(absolute)) {
                throw e;
            }
        }
        return dir;
    }
}
