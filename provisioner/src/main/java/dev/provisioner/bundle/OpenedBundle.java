package dev.provisioner.bundle;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A verified bundle unpacked on the controller.
 *
 * @param directory the unpacked bundle: an artifacts directory (release files at their catalogue paths,
 *                  {@code SHA256SUMS}) with the bundle's lock file and {@code images/}
 * @param manifest  its manifest
 */
public record OpenedBundle(Path directory, BundleManifest manifest) {
    /** Image reference to its OCI archive on the controller. */
    public Map<String, Path> images() {
        Map<String, Path> out = new LinkedHashMap<>();
        manifest.images().forEach((ref, path) -> out.put(ref, directory.resolve(path)));
        return out;
    }
}
