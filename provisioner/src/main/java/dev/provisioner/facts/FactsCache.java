package dev.provisioner.facts;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Facts per host for one run: gathered once, then read by every phase. Create one per run (it is
 * never static), so a new run always sees the hosts as they are now. Thread-safe.
 */
final class FactsCache {
    private final Map<String, HostFacts> byHost = new ConcurrentHashMap<>();

    /** The cached facts of {@code host}, gathering them with {@code gather} the first time. */
    public HostFacts get(String host, Supplier<HostFacts> gather) {
        return byHost.computeIfAbsent(host, h -> gather.get());
    }

    public Optional<HostFacts> peek(String host) {
        return Optional.ofNullable(byHost.get(host));
    }
}
