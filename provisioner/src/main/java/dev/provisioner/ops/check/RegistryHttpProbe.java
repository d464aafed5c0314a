package dev.provisioner.ops.check;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.RegistrySettings;
import dev.provisioner.inventory.Role;
import dev.provisioner.pki.HostPaths;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.provisioner.ops.check.ProbeScripts.q;

/**
 * {@code GET /v2/} of the registry from another host (the first master when it is not the registry
 * host), over HTTPS trusting the cluster CA when the registry serves TLS. Healthy is 200, or 401
 * when htpasswd auth is on. The result is about the registry host.
 */
final class RegistryHttpProbe implements Probe {
    static final String NAME = "registry-http";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Host> runsOn(Inventory inventory) {
        return inventory.view().registryHost().map(r -> List.of(prober(inventory, r))).orElse(List.of());
    }

    /** The first master unless it is the registry host; else any other host; else the registry host itself. */
    static Host prober(Inventory inventory, Host registry) {
        Host first = inventory.view().firstMaster();
        if (!first.name().equals(registry.name())) {
            return first;
        }
        return inventory.hosts().stream().filter(h -> !h.name().equals(registry.name())).findFirst().orElse(registry);
    }

    @Override
    public List<Host> about(Inventory inventory, Host host) {
        return inventory.view().registryHost().stream().toList();
    }

    static String url(Inventory inventory) {
        RegistrySettings r = inventory.cluster().registry();
        return (r.tls() ? "https" : "http") + "://" + inventory.view().registryEndpoint().orElseThrow() + "/v2/";
    }

    /** The cluster CA where the probing host keeps it. */
    static Optional<String> ca(Inventory inventory, Host host) {
        if (!inventory.cluster().registry().tls()) {
            return Optional.empty();
        }
        boolean registryOnly = !host.hasRole(Role.MASTER) && !host.hasRole(Role.NODE)
                && inventory.view().registryHost().filter(r -> r.name().equals(host.name())).isPresent();
        return Optional.of(registryOnly ? HostPaths.REGISTRY_CA_CERT : HostPaths.CA_CERT);
    }

    @Override
    public String describe(Inventory inventory, Host host) {
        return "GET " + url(inventory) + " from " + host.name() + ca(inventory, host).map(c -> " trusting " + c).orElse("");
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public String script(Inventory inventory, Host host) {
        Optional<String> ca = ca(inventory, host);
        return "have curl || fail " + q("curl not found on " + host.name() + " (needed to probe the registry)") + "\n"
                + ca.map(ProbeScripts::requireFiles).orElse("")
                + "curl -sS -o /dev/null --max-time 5 -w 'http=%{http_code}\\n'" + ca.map(c -> " --cacert " + q(c)).orElse("")
                + " " + q(url(inventory)) + " 2>&1\n";
    }

    @Override
    public List<ProbeResult> parse(Inventory inventory, Host host, ProbeOutput output) {
        String registry = inventory.view().registryHost().orElseThrow().name();
        boolean auth = inventory.cluster().registry().auth().isPresent();
        String code = output.value("http").orElse("000");
        String what = "GET " + url(inventory) + " from " + host.name();
        if (code.equals("200") || (auth && code.equals("401"))) {
            return List.of(ProbeResult.ok(NAME, registry, what + ": " + code + (auth ? " (auth on)" : "")));
        }
        String why = code.equals("000") ? output.lines().stream().filter(l -> !l.startsWith("http=")).findFirst()
                .orElse("no answer") : "HTTP " + code + ", expected 200" + (auth ? " or 401 (auth on)" : "");
        return List.of(ProbeResult.failed(NAME, registry, what + ": " + why
                + ca(inventory, host).map(c -> " (trusting " + c + ")").orElse("")));
    }
}
