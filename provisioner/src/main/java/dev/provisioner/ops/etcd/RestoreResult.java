package dev.provisioner.ops.etcd;

import java.util.List;

/**
 * What {@link EtcdRestore#restore} did.
 *
 * @param members  the restored members, all healthy
 * @param asideDir where each member's previous data directory was moved (kept, never deleted)
 */
public record RestoreResult(List<String> members, String asideDir) {
    public RestoreResult {
        members = List.copyOf(members);
    }
}
