package dev.provisioner.inventory;

import java.nio.file.Path;

/**
 * Resolves paths on the controller: {@code ~/} is the user's home, relative paths start at the
 * inventory file's folder (or the builder's base directory).
 */
record LocalPaths(Path baseDirectory, Path home) {

    Path resolve(String path) {
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return home.resolve(path.substring(2)).normalize();
        }
        return baseDirectory.resolve(path).normalize();
    }
}
