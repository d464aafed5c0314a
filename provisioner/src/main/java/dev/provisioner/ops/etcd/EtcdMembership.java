package dev.provisioner.ops.etcd;

import dev.provisioner.component.etcd.EtcdMembers;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.operation.Operation;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The members of a running etcd cluster, read and changed through the surviving members only: the
 * member being removed is never contacted, so it may be dead or gone.
 *
 * <pre>{@code
 * MemberRemoval r = EtcdMembership.of(OperationSettings.of(inventory).start("etcd member remove", true)).remove("m3", false);   // before m3 leaves the inventory
 * }</pre>
 *
 * Adding members needs no call: {@code apply} joins a new master's member itself.
 */
public final class EtcdMembership {
    private static final Logger LOG = LoggerFactory.getLogger(EtcdMembership.class);

    private final Inventory inventory;
    private final Operation op;

    private EtcdMembership(Operation op) {
        this.inventory = op.inventory();
        this.op = op;
    }

    /**
     * Within {@code op}: its connections; when the operation changes hosts (member remove), every
     * member asked is under its run lock.
     */
    public static EtcdMembership of(Operation op) {
        return new EtcdMembership(op);
    }

    /**
     * The member list, as the first member of the inventory that answers sees it.
     *
     * @throws EtcdOperationException when no member answers
     */
    public List<EtcdMember> list() {
        try (EtcdHosts hosts = new EtcdHosts(op)) {
            return answering(hosts, Set.of()).members();
        }
    }

    /**
     * Removes the member named {@code name} (a host name; an added but never started member is found by
     * the peer URL of the inventory host of that name). Asks the other members of the inventory, in
     * order, never {@code name} itself. Idempotent: a member that is already gone is reported, not an error.
     *
     * @param force remove even when the remaining members would not have a healthy quorum
     * @throws EtcdOperationException when no other member answers, the cluster has no quorum, the member
     *                                is the last one, or (without force) removing it would lose quorum
     */
    public MemberRemoval remove(String name, boolean force) {
        try (EtcdHosts hosts = new EtcdHosts(op)) {
            EtcdHosts.Answer answer = answering(hosts, Set.of(name));
            Host asked = answer.host();
            String target = target(name, answer.members());
            RemovalRule.Decision d = RemovalRule.decide(answer.members(), hosts.clusterHealth(asked), target, force);
            LOG.info("etcd member {}: {} (asked {})", name, d.reason(), asked.name());
            switch (d.verdict()) {
                case ALREADY_ABSENT:
                    return new MemberRemoval(false, "", asked.name(), answer.members(), d.reason());
                case REFUSE:
                    throw new EtcdRefusedException("not removing etcd member " + name + ": " + d.reason());
                default:
                    break;
            }
            String id = d.member().orElseThrow().id();
            CommandResult r = hosts.run(asked, hosts.etcdctl(asked).prefix() + " member remove " + Command.quote(id),
                    Duration.ofSeconds(60), "etcdctl member remove " + id + " on " + asked.name());
            if (!r.ok()) {
                throw new EtcdOperationException("etcdctl member remove " + id + " (" + name + ") failed on " + asked.name()
                        + ": " + r.tail(3));
            }
            List<EtcdMember> after = answering(hosts, Set.of(name)).members();
            return new MemberRemoval(true, id, asked.name(), after, "removed etcd member " + name + " (" + id + ") via "
                    + asked.name() + "; " + after.size() + " members remain");
        }
    }

    /** The name, or for a member that never started (no name yet) the inventory host's peer URL. */
    private String target(String name, List<EtcdMember> members) {
        if (members.stream().anyMatch(m -> m.matches(name))) {
            return name;
        }
        return inventory.hosts().stream().filter(h -> h.name().equals(name)).findFirst()
                .map(EtcdMembers::peerUrl).filter(u -> members.stream().anyMatch(m -> m.matches(u))).orElse(name);
    }

    private static EtcdHosts.Answer answering(EtcdHosts hosts, Set<String> exclude) {
        List<String> tried = new ArrayList<>();
        return hosts.firstAnswering(exclude, tried).orElseThrow(() -> new EtcdOperationException(
                "no etcd member answers member list (a quorum of members must be running): " + EtcdHosts.describe(tried)));
    }
}
