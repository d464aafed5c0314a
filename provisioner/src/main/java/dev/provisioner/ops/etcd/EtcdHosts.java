package dev.provisioner.ops.etcd;

import dev.provisioner.component.etcd.EtcdInstall;
import dev.provisioner.component.etcd.EtcdMembers;
import dev.provisioner.component.etcd.Etcdctl;
import dev.provisioner.facts.OsFamily;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.operation.Operation;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SSH connections to an inventory's etcd members for one operation, opened on first use and closed
 * together (each under the host's run lock when the operation changes hosts); etcdctl runs as root on a member (the client certificate is root's) against that member.
 */
final class EtcdHosts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EtcdHosts.class);

    private final Inventory inventory;
    private final Operation op;
    private final Map<String, Connection> open = new LinkedHashMap<>();

    /** @param op the operation: its connections, and the run lock on every member when it changes hosts */
    EtcdHosts(Operation op) {
        this.inventory = op.inventory();
        this.op = op;
    }

    Inventory inventory() {
        return inventory;
    }

    List<Host> members() {
        return EtcdMembers.of(inventory).hosts();
    }

    EtcdInstall install() {
        return EtcdInstall.of(inventory, OsFamily.DEBIAN);
    }

    /** etcdctl on {@code host} against its own client URL. */
    Etcdctl etcdctl(Host host) {
        return new Etcdctl(install().etcdctl(), EtcdMembers.clientUrl(host));
    }

    Connection connect(Host host) {
        Connection c = open.get(host.name());
        if (c == null) {
            c = op.connect(host);
            open.put(host.name(), c);
        }
        return c;
    }

    CommandResult run(Host host, String script, Duration timeout, String display) {
        Command c = Command.shell(script).asRoot().withTimeout(timeout);
        return connect(host).run(new Command(c.line(), true, null, c.timeout(), display));
    }

    /** A member that answered, with what it said. */
    record Answer(Host host, List<EtcdMember> members) {
    }

    /**
     * The first member in inventory order, skipping {@code exclude}, that answers {@code member list}
     * (which needs a quorum); {@code tried} collects why the others did not.
     */
    Optional<Answer> firstAnswering(Set<String> exclude, List<String> tried) {
        for (Host h : members()) {
            if (exclude.contains(h.name())) {
                continue;
            }
            try {
                CommandResult r = run(h, etcdctl(h).prefix() + " member list", Duration.ofSeconds(30), "etcdctl member list on " + h.name());
                if (r.ok()) {
                    return Optional.of(new Answer(h, MemberList.parse(r.stdout())));
                }
                tried.add(h.name() + ": " + r.tail(1));
            } catch (TransportException e) {
                LOG.debug("{}: cannot reach", h.name(), e);
                tried.add(h.name() + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Client URL -> healthy for every member, asked from {@code host}. */
    java.util.Map<String, Boolean> clusterHealth(Host host) {
        CommandResult r = run(host, etcdctl(host).prefix() + " endpoint health --cluster 2>&1", Duration.ofSeconds(60),
                "etcdctl endpoint health --cluster on " + host.name());
        return MemberList.health(r.stdout());
    }

    static String describe(List<String> tried) {
        return tried.isEmpty() ? "no etcd member to ask" : String.join("; ", new ArrayList<>(tried));
    }

    @Override
    public void close() {
        open.values().forEach(c -> {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.debug("closing {}", c.endpoint(), e);
            }
        });
        open.clear();
    }
}
