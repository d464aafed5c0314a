package dev.provisioner.engine.preflight;

import dev.provisioner.engine.FactsGate;
import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The preflight checks as a {@link FactsGate}: the system probe is part of every host's one facts script, the
 * units the checks read join that script's query, and a host with a blocking finding fails the run's preflight
 * (step {@value #STEP}) before any host is changed; the preflight checks every host, so every problem of every
 * host is reported at once. Ports are checked for the units the run's steps serve on the host (see
 * {@link #query(Host, FactsQuery)}). Warnings (and findings of checks the inventory ignores) are logged.
 */
public final class PreflightChecks implements FactsGate {
    /** The preflight step a refusal is reported under. */
    public static final String STEP = "preflight";
    private static final Logger LOG = LoggerFactory.getLogger(PreflightChecks.class);
    private final Inventory inventory;
    private final Set<String> ignored;
    /** Per host, the ports its run's steps serve (from {@link #query(Host, FactsQuery)}); absent: every port of its roles. */
    private final Map<String, Set<String>> portsInScope = new ConcurrentHashMap<>();

    public PreflightChecks(Inventory inventory) {
        this.inventory = inventory;
        this.ignored = inventory.cluster().install().preflightIgnore();
    }

    @Override
    public FactsQuery query(Host host) {
        return new FactsQuery(Set.of(), java.util.Map.of(), HostChecks.units(inventory, host));
    }

    /**
     * {@link #query(Host)} and the ports this run's steps serve on {@code host}: a port is in it when one of the units
     * that serve it is among the units the steps ask about ({@code planned}), with all its units. The host reads its
     * socket tables only when such a port has none of its units running; a port no step serves (a plan that does not
     * run etcd there, say) is not the run's concern, and {@link #refusal} checks only the ports of this query.
     */
    @Override
    public FactsQuery query(Host host, FactsQuery planned) {
        FactsQuery q = query(host);
        for (var e : HostChecks.ports(inventory, host).entrySet()) {
            if (e.getValue().stream().anyMatch(planned.units()::contains)) {
                q = q.and(FactsQuery.port(e.getKey(), new java.util.TreeSet<>(e.getValue())));
            }
        }
        portsInScope.put(host.name(), q.ports().keySet());
        return q;
    }

    @Override
    public String step() {
        return STEP;
    }

    @Override
    public Optional<String> refusal(String host, HostFacts facts) {
        Optional<Host> h = inventory.host(host);
        Optional<SystemFacts> system = SystemFactsParser.parse(host, facts.system());
        if (h.isEmpty() || system.isEmpty()) {
            return Optional.empty();
        }
        List<HostProblem> problems = HostChecks.check(inventory, h.get(), facts, system.get(), ignored,
                portsInScope.getOrDefault(host, HostChecks.ports(inventory, h.get()).keySet()));
        problems.stream().filter(p -> !p.blocking()).forEach(p -> LOG.warn("preflight: {}", p.format()));
        List<String> blocking = problems.stream().filter(HostProblem::blocking).map(HostProblem::message).toList();
        return blocking.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", blocking));
    }
}
