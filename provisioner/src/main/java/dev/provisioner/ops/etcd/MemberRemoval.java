package dev.provisioner.ops.etcd;

import java.util.List;

/**
 * What {@link EtcdMembership#remove} did.
 *
 * @param removed   true when a member was removed now; false when it was already gone
 * @param memberId  the removed member's ID (empty when it was already gone)
 * @param askedHost the surviving member that did the work
 * @param remaining the members after the removal
 * @param message   one line for the user
 */
public record MemberRemoval(boolean removed, String memberId, String askedHost, List<EtcdMember> remaining, String message) {
    public MemberRemoval {
        remaining = List.copyOf(remaining);
    }
}
