package dev.provisioner.ops.check;

import dev.provisioner.connect.ConnectionFactory;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.operation.Operation;
import dev.provisioner.operation.OperationListener;
import dev.provisioner.operation.OperationSettings;
import dev.provisioner.template.TemplateRenderer;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.TransportKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only health of every component on every host: one connection per host, that host's probes
 * batched into one script (one round trip), hosts through the operation's fan-out; then, when asked, the smoke test on
 * the first master over the same connection. Nothing is changed on any host, except the smoke
 * test's own namespace, which it creates and deletes.
 *
 * <pre>{@code
 * CheckReport report = HealthCheck.builder().inventory(Inventory.load(Path.of("inventory.yaml")))
 *         .smoke(true).build().run();
 * report.results().forEach(r -> System.out.println(r.probe() + " " + r.host() + " " + r.status().label() + " " + r.detail()));
 * }</pre>
 */
public final class HealthCheck {
    /** The result name of each host's SSH connection. */
    public static final String CONNECT = "connect";
    private static final Logger LOG = LoggerFactory.getLogger(HealthCheck.class);

    private final Inventory inventory;
    private final List<Probe> probes;
    private final Optional<Probe> smoke;
    private final String smokeSkipReason;
    private final OperationSettings settings;

    private HealthCheck(Builder b, Optional<Probe> smoke, String smokeSkipReason) {
        this.inventory = b.inventory;
        this.probes = List.copyOf(b.probes);
        this.smoke = smoke;
        this.smokeSkipReason = smokeSkipReason;
        this.settings = new OperationSettings(b.inventory, Optional.ofNullable(b.transport), Optional.ofNullable(b.connections),
                b.parallelism, OperationListener.NONE, b.acceptAnyHostKey);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Probes every host and returns every result; never throws for an unhealthy or unreachable host. */
    public CheckReport run() {
        return run(settings.start("check", false));
    }

    /**
     * Probes every host within {@code op} (its connections and fan-out; read-only, so no lock); hosts
     * an interrupt left unprobed are reported as not run.
     */
    public CheckReport run(Operation op) {
        long start = System.nanoTime();
        Map<String, List<Probe>> byHost = new LinkedHashMap<>();
        inventory.hosts().forEach(h -> byHost.put(h.name(), new ArrayList<>()));
        for (Probe p : probes) {
            p.runsOn(inventory).forEach(h -> byHost.get(h.name()).add(p));
        }
        Host first = inventory.view().firstMaster();
        List<ProbeResult> all = new ArrayList<>();
        List<List<ProbeResult>> perHost = op.forEachHostReadOnly(inventory.hosts(),
                h -> probeHost(op, h, byHost.get(h.name()), h.name().equals(first.name())),
                h -> List.of(ProbeResult.skipped(CONNECT, h.name(), "not run: the check was interrupted")));
        for (int i = 0; i < perHost.size(); i++) {
            List<ProbeResult> rs = perHost.get(i);
            all.addAll(rs);
            op.hostFinished(inventory.hosts().get(i).name(), rs.stream().noneMatch(r -> r.status() == ProbeStatus.FAILED),
                    rs.size() + " results");
        }
        return new CheckReport(order(reconcile(all)), Duration.ofNanos(System.nanoTime() - start));
    }

    private List<ProbeResult> probeHost(Operation op, Host host, List<Probe> mine, boolean smokeHere) {
        List<ProbeResult> out = new ArrayList<>();
        Connection c;
        try {
            c = op.open(host);
        } catch (RuntimeException e) {
            LOG.debug("{}: cannot connect", host.name(), e);
            out.add(ProbeResult.failed(CONNECT, host.name(), e.getMessage()));
            for (Probe p : mine) {
                p.about(inventory, host).forEach(h -> out.add(ProbeResult.skipped(p.name(), h.name(),
                        "not run: cannot connect to " + host.name())));
            }
            if (smokeHere) {
                out.add(ProbeResult.skipped(SmokeProbe.NAME, host.name(), "not run: cannot connect to " + host.name()));
            }
            return out;
        }
        try (c) {
            out.add(ProbeResult.ok(CONNECT, host.name(), c.endpoint().user() + "@" + c.endpoint().address() + ":"
                    + c.endpoint().port() + " (" + c.hostKeyFingerprint() + ")"));
            HostProbeRun run = new HostProbeRun(inventory, host, c);
            out.addAll(run.run(mine));
            if (smokeHere) {
                out.addAll(smoke(run, host, out));
            }
        }
        return out;
    }

    /** The smoke test, when asked and the first master's apiserver is ready; else one line saying why not. */
    private List<ProbeResult> smoke(HostProbeRun run, Host host, List<ProbeResult> soFar) {
        if (smoke.isEmpty()) {
            return List.of(ProbeResult.skipped(SmokeProbe.NAME, host.name(), smokeSkipReason));
        }
        Optional<ProbeResult> api = soFar.stream().filter(r -> r.probe().equals(ApiserverReadyProbe.NAME)).findFirst();
        if (api.isPresent() && api.get().status() == ProbeStatus.NOT_INSTALLED) {
            return List.of(ProbeResult.notInstalled(SmokeProbe.NAME, host.name(), api.get().detail()));
        }
        if (api.isPresent() && api.get().status() != ProbeStatus.OK) {
            return List.of(ProbeResult.skipped(SmokeProbe.NAME, host.name(),
                    "not run: the apiserver on " + host.name() + " is not ready (see the apiserver probe)"));
        }
        return run.run(List.of(smoke.get()));
    }

    private List<ProbeResult> reconcile(List<ProbeResult> all) {
        List<ProbeResult> out = new ArrayList<>();
        List<String> names = probes.stream().map(Probe::name).toList();
        all.stream().filter(r -> !names.contains(r.probe())).forEach(out::add);
        for (Probe p : probes) {
            List<ProbeResult> mine = all.stream().filter(r -> r.probe().equals(p.name())).toList();
            out.addAll(p.reconcile(mine, all));
        }
        return out;
    }

    /** connect first, then probe order (smoke results last), then inventory host order. */
    private List<ProbeResult> order(List<ProbeResult> results) {
        List<String> names = new ArrayList<>(List.of(CONNECT));
        probes.forEach(p -> names.add(p.name()));
        names.addAll(List.of(SmokeProbe.NAME, SmokeProbe.DEPLOYMENT, SmokeProbe.NODEPORT, SmokeProbe.DNS));
        List<String> hosts = inventory.hosts().stream().map(Host::name).toList();
        Comparator<ProbeResult> byProbe = Comparator.comparingInt(r -> {
            int i = names.indexOf(r.probe());
            return i < 0 ? names.size() : i;
        });
        return results.stream().sorted(byProbe.thenComparingInt(r -> hosts.indexOf(r.host()))).toList();
    }

    /** Configures a {@link HealthCheck}. */
    public static final class Builder {
        private Inventory inventory;
        private List<Probe> probes = StandardProbes.all();
        private boolean smoke;
        private String smokeImage;
        private Path templatesDir;
        private int parallelism;
        private ConnectionFactory connections;
        private TransportKind transport;
        private boolean acceptAnyHostKey;

        private Builder() {
        }

        /** The validated inventory (required). */
        public Builder inventory(Inventory value) {
            this.inventory = value;
            return this;
        }

        /** The probes to run (default {@link StandardProbes#all()}). */
        public Builder probes(List<Probe> value) {
            this.probes = List.copyOf(value);
            return this;
        }

        /** Also run the smoke test (creates and deletes namespace {@value SmokeProbe#NAMESPACE}). */
        public Builder smoke(boolean value) {
            this.smoke = value;
            return this;
        }

        /** The smoke test's nginx image (default {@code <registry endpoint>/nginx:1.27}). */
        public Builder smokeImage(String image) {
            this.smokeImage = image;
            return this;
        }

        /** A directory of templates searched before the built-in ones (the smoke manifests). */
        public Builder templatesDir(Path dir) {
            this.templatesDir = dir;
            return this;
        }

        /** Hosts probed at once (default: the inventory's {@code cluster.ssh.parallelism}). */
        public Builder parallelism(int hosts) {
            this.parallelism = hosts;
            return this;
        }

        /** Opens connections some other way (tests, embedders with their own SSH). */
        public Builder connectionFactory(ConnectionFactory factory) {
            this.connections = factory;
            return this;
        }

        /** Use this SSH library for every host, whatever the inventory says. */
        /** Accept any SSH host key (a command-line flag only); refused when a host uses a password or sudo password. */
        public Builder insecureAcceptAnyHostKey(boolean value) {
            this.acceptAnyHostKey = value;
            return this;
        }

        public Builder transport(TransportKind kind) {
            this.transport = kind;
            return this;
        }

        /** @throws IllegalArgumentException without an inventory, or accepting any host key where a password is sent */
        public HealthCheck build() {
            if (inventory == null) {
                throw new IllegalArgumentException("inventory: required");
            }
            if (acceptAnyHostKey && !dev.provisioner.connect.InsecureHostKeys.problems(inventory).isEmpty()) {
                throw new IllegalArgumentException(String.join("\n", dev.provisioner.connect.InsecureHostKeys.problems(inventory)));
            }
            if (!smoke) {
                return new HealthCheck(this, Optional.empty(), "not requested (pass --smoke)");
            }
            Optional<String> image = Optional.ofNullable(smokeImage).or(() -> SmokeProbe.defaultImage(inventory));
            if (image.isEmpty()) {
                return new HealthCheck(this, Optional.empty(), "not run: no private registry in the inventory to pull nginx from; pass --smoke-image");
            }
            TemplateRenderer templates = TemplateRenderer.create(Optional.ofNullable(templatesDir));
            return new HealthCheck(this, Optional.of(new SmokeProbe(image.get(), templates)), "");
        }
    }
}
