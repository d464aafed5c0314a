package dev.provisioner.ops.etcd;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether removing a member is safe: etcd commits the removal only with a quorum of the current
 * members, and afterwards a quorum of the remaining members must be healthy or the cluster stops
 * serving. Pure.
 */
final class RemovalRule {
    /** What to do with a removal request. */
    enum Verdict { ALREADY_ABSENT, REMOVE, REFUSE }

    /** @param reason why, in words (always set) */
    record Decision(Verdict verdict, Optional<EtcdMember> member, String reason) {
    }

    private RemovalRule() {
    }

    static int quorum(int members) {
        return members / 2 + 1;
    }

    /**
     * @param members the current member list
     * @param health  client URL -> healthy, from {@code endpoint health --cluster}
     * @param target  the member's name or peer URL
     * @param force   remove even when the remaining members would have no healthy quorum
     */
    static Decision decide(List<EtcdMember> members, Map<String, Boolean> health, String target, boolean force) {
        Optional<EtcdMember> victim = members.stream().filter(m -> m.matches(target)).findFirst();
        if (victim.isEmpty()) {
            return new Decision(Verdict.ALREADY_ABSENT, victim, "no etcd member " + target + " (already removed)");
        }
        int n = members.size();
        if (n == 1) {
            return new Decision(Verdict.REFUSE, victim, "member " + target + " is the only etcd member; removing it would delete the cluster");
        }
        long healthy = members.stream().filter(m -> healthy(m, health)).count();
        if (healthy < quorum(n)) {
            return new Decision(Verdict.REFUSE, victim, "the etcd cluster has no quorum: " + healthy + " of " + n
                    + " members healthy, " + quorum(n) + " needed to commit a removal");
        }
        long remaining = healthy - (healthy(victim.get(), health) ? 1 : 0);
        int needed = quorum(n - 1);
        if (remaining < needed && !force) {
            return new Decision(Verdict.REFUSE, victim, "removing " + target + " would lose quorum: " + remaining + " of the "
                    + (n - 1) + " remaining members are healthy, " + needed + " needed (force to remove anyway)");
        }
        return new Decision(Verdict.REMOVE, victim, "remove member " + target + " (" + victim.get().id() + "); "
                + remaining + " of " + (n - 1) + " remaining members healthy");
    }

    private static boolean healthy(EtcdMember m, Map<String, Boolean> health) {
        return m.started() && m.clientUrls().stream().anyMatch(u -> Boolean.TRUE.equals(health.get(u)));
    }
}
