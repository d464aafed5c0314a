package dev.provisioner.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --state DIR}: the local cluster state (PKI, artifact cache, run logs). The default is
 * {@code .provisioner/<cluster name>/} next to the inventory file.
 */
final class StateOption {
    /** Folder, next to the inventory file, that holds one state directory per cluster name. */
    static final String STATE_FOLDER = ".provisioner";

    @Option(names = "--state", paramLabel = "DIR", description = "cluster state directory: PKI, artifact cache, run logs"
            + " (default: <inventory folder>/" + STATE_FOLDER + "/<cluster name>)")
    Path dir;

    /** {@code --state}, or the default for the inventory at {@code inventoryFile} named {@code clusterName}. */
    Path directory(Path inventoryFile, String clusterName) {
        return dir != null ? dir : defaultDirectory(inventoryFile, clusterName);
    }

    /** {@code <folder of inventoryFile>/.provisioner/<clusterName>}. */
    static Path defaultDirectory(Path inventoryFile, String clusterName) {
        Path folder = inventoryFile.toAbsolutePath().getParent();
        return (folder == null ? Path.of("").toAbsolutePath() : folder).resolve(STATE_FOLDER).resolve(clusterName);
    }
}
