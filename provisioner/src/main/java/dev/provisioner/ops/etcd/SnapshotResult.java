package dev.provisioner.ops.etcd;

import java.nio.file.Path;
import java.util.List;

/**
 * A backup written by {@link EtcdSnapshots#save}.
 *
 * @param directory the backup directory ({@code <cluster>-<UTC timestamp>}, mode 0700)
 * @param snapshot  the etcd snapshot in it
 * @param takenOn   the member the snapshot was taken on
 * @param files     every file written, relative to {@code directory} (mode 0600 each)
 */
public record SnapshotResult(Path directory, Path snapshot, String takenOn, List<String> files) {
    public SnapshotResult {
        files = List.copyOf(files);
    }
}
