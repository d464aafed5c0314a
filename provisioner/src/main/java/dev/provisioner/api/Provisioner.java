package dev.provisioner.api;

import dev.provisioner.ProvisionerException;
import dev.provisioner.connect.ConnectionFactory;
import dev.provisioner.bundle.BundleException;
import dev.provisioner.bundle.BundleReader;
import dev.provisioner.component.ComponentContext;
import dev.provisioner.plan.StandardPlan;
import dev.provisioner.component.registry.RegistryTls;
import dev.provisioner.engine.Executor;
import dev.provisioner.engine.preflight.PreflightChecks;
import dev.provisioner.engine.Mode;
import dev.provisioner.engine.PlanRenderer;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.operation.Operation;
import dev.provisioner.operation.OperationSettings;
import dev.provisioner.ops.check.HealthCheck;
import dev.provisioner.ops.certs.ServedCertificates;
import dev.provisioner.ops.upgrade.NodeDrain;
import dev.provisioner.ops.kubeconfig.ControllerKubeconfig;
import dev.provisioner.pki.ClientCertificateRequest;
import dev.provisioner.pki.ClusterPki;
import dev.provisioner.pki.PkiOptions;
import dev.provisioner.ops.upgrade.RollingPlan;
import dev.provisioner.ops.upgrade.UpgradeRefusedException;
import dev.provisioner.ops.upgrade.UpgradePreflight;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.Plan;
import dev.provisioner.cisgate.CisGate;
import dev.provisioner.cisgate.CisVerdict;
import dev.provisioner.template.TemplateRenderer;
import dev.provisioner.transport.TransportKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Plans and applies an inventory: the library's front door.
 *
 * <pre>{@code
 * import dev.provisioner.api.*;
 * import java.nio.file.Path;
 *
 * public class Example {
 *     public static void main(String[] args) {
 *         ClusterInventory inventory = ClusterInventory.load(Path.of("inventories/blog-2018.yaml"));
 *         Provisioner provisioner = Provisioner.builder()
 *                 .inventory(inventory)
 *                 .parallelism(5)
 *                 .listener(event -> {
 *                     if (event instanceof ProvisionEvent.StepFinished f) {
 *                         System.out.println(f.report().host() + " " + f.report().step() + ": " + f.report().status());
 *                     }
 *                 })
 *                 .build();
 *         ProvisionReport plan = provisioner.plan();          // connects, changes nothing
 *         if (plan.changed()) {
 *             ProvisionReport applied = provisioner.apply();
 *             System.out.println(applied.totals());            // round trips, bytes, files, restarts
 *         }
 *     }
 * }
 * }</pre>
 *
 * Before connecting, {@code plan()} / {@code apply()} check the rendered configuration with the CIS gate
 * ({@link #cis()}) and throw {@link InvalidSetupException} naming every failing check the inventory does
 * not accept in {@code cluster.cis.exceptions}.
 *
 * Each {@code plan()} / {@code apply()} is a fresh run: new connections (one per host), fresh facts,
 * a fresh secret masker. Nothing talks to a host before the inventory validated (a
 * {@link ClusterInventory} only exists when valid). Thread-safe for sequential runs; no static state.
 *
 * @since 0.1
 */
public final class Provisioner {
    private final Inventory inventory;
    private final Plan plan;
    /** Builds the plan again from the same settings: a multi-step operation whose PKI changes between steps needs a fresh one. */
    private final java.util.function.Supplier<Plan> replan;
    private final TemplateRenderer templates;
    private final Set<String> limitHosts;
    private final EventDispatcher events;
    private final OperationSettings settings;
    private final Path stateDirectory;
    private final Optional<Path> templatesDir;
    private final ComponentContext context;

    private Provisioner(Builder b, Plan plan, TemplateRenderer templates) {
        this.inventory = b.inventory;
        this.plan = plan;
        this.templates = templates;
        this.limitHosts = Set.copyOf(b.limitHosts);
        this.events = new EventDispatcher(b.listeners);
        this.settings = new OperationSettings(b.inventory, Optional.ofNullable(b.transport).map(t -> TransportKind.valueOf(t.name())), Optional.ofNullable(b.connections),
                b.parallelism, events, b.acceptAnyHostKey);
        this.context = b.context != null ? b.context : b.componentContext();
        this.stateDirectory = context.stateDirectory();
        this.templatesDir = Optional.ofNullable(b.templatesDir);
        UnaryOperator<Plan> customizer = b.customizer;
        Optional<RegistryTls> registryTls = b.registryTls();
        List<String> only = List.copyOf(b.only);
        List<String> skip = List.copyOf(b.skip);
        ComponentContext ctx = this.context;
        this.replan = () -> {
            Plan fresh = customizer.apply(StandardPlan.create(ctx, registryTls));
            return (only.isEmpty() ? fresh : fresh.only(only)).skip(skip);
        };
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The phases this provisioner runs, after customisation and --only/--skip (engine types: tests in this package). */
    Plan phases() {
        return plan;
    }

    /**
     * The titles of the phases this provisioner runs, in order, after {@code onlyPhases} / {@code skipPhases}.
     *
     * @since 0.1
     */
    public List<String> phaseTitles() {
        return plan.titles();
    }

    /** Connects, gathers facts and computes every action with its diff; changes nothing. */
    public ProvisionReport plan() {
        return run(Mode.PLAN);
    }

    /** Connects, gathers facts and applies what differs. */
    public ProvisionReport apply() {
        return SystemImagesPush.after(run(Mode.APPLY), inventory, context,
                context.artifactsDirectory().or(() -> inventory.cluster().install().artifactsDir()), limitHosts);
    }

    /**
     * As {@link #plan()}, and when every host was planned, writes to {@code out} a saved plan: the actions
     * per host with the facts they were computed from and digests of the inventory, the templates and every
     * rendered file (sensitive contents as digests only; no secret in clear).
     *
     * @since 0.1
     */
    public ProvisionReport plan(Path out) {
        return savedPlans().save(out);
    }

    /**
     * Applies exactly the plan saved by {@link #plan(Path)}: first computes the plan again (quietly) and
     * refuses, changing nothing, when the inventory, the templates, a rendered file, a host's facts or the
     * actions differ from the saved ones; then applies, its preflight refusing any host whose facts changed
     * in between.
     *
     * @throws SavedPlanRefusedException naming every difference and its host
     * @since 0.1
     */
    public ProvisionReport apply(Path savedPlan) {
        return savedPlans().apply(savedPlan);
    }

    private SavedPlanRuns savedPlans() {
        return new SavedPlanRuns(inventory, plan, templates, limitHosts, settings, events);
    }

    /**
     * Reads on every host (all, or the builder's {@code limitHosts}) the certificate it serves on 6443, 2379,
     * 2380, 10250 and 5000 and compares each with the state directory's certificates. Changes nothing.
     *
     * @since 0.1
     */
    public List<ServedCertificate> servedCertificates() {
        Operation op = settings.start("certs check", false);
        return new ServedCertificates(op).read(selected(), stateDirectory).stream()
                .map(s -> new ServedCertificate(s.host(), s.port(), s.listening(), s.subject(), Optional.ofNullable(s.notAfter()),
                        s.sha256(), s.inState(), s.error())).toList();
    }

    /**
     * Renews in the state directory every leaf certificate that expires within {@code within} (empty: every
     * leaf), then applies with etcd and the control plane one host at a time (the certificates are distributed
     * and exactly the services that read a changed one restart, each healthy before the next host).
     *
     * @since 0.1
     */
    public ProvisionReport renewCertificates(Optional<Duration> within) {
        PkiOptions defaults = PkiOptions.defaults();
        // Every leaf: each one expires within its validity less a millisecond of now.
        Duration window = within.orElse(defaults.leafValidity().minusMillis(1));
        ClusterPki.with(defaults.withRenewBefore(window)).ensure(inventory, stateDirectory);
        return run(settings.start("certs renew", true), Mode.APPLY, RollingPlan.of(plan, 1));
    }

    /**
     * Phase 1 of a CA rotation: new cluster, etcd and front-proxy CAs are made in the state directory (the old
     * ones kept), first rolled out as CA bundles trusting old and new (leaves unchanged), then every leaf is
     * reissued by the new CAs and rolled out; each a rolling apply (etcd and the control plane one host at a
     * time, exactly the services whose files changed restart). During the transition that follows, servers
     * accept client certificates of either CA. Running it again after a failure resumes the phase.
     *
     * @throws CaRotationRefusedException when a rotation's phase 1 has already completed (finish it first), or
     *                                    the provisioner is limited to some hosts
     * @since 0.1
     */
    public ProvisionReport rotateCa() {
        return caRotation().start();
    }

    /**
     * Phase 2 of a CA rotation: the old CAs leave every CA bundle (rolled out as {@link #rotateCa()} does) and,
     * once that converged, are deleted from the state directory. Running it again after a failure resumes it.
     *
     * @throws CaRotationRefusedException when no rotation is in progress or its phase 1 has not completed, or the
     *                                    provisioner is limited to some hosts
     * @since 0.1
     */
    public ProvisionReport finishCaRotation() {
        return caRotation().finish();
    }

    private CaRotationRuns caRotation() {
        if (!limitHosts.isEmpty()) {
            // A phase is recorded as done only when every host has it: a limited run would leave the others behind.
            throw new CaRotationRefusedException("a CA rotation changes what every host trusts and presents; it cannot be"
                    + " limited to " + String.join(", ", limitHosts) + " (run it without --limit)");
        }
        requireCis();
        return new CaRotationRuns(ClusterPki.standard(), stateDirectory,
                () -> run(settings.start("certs renew --ca", true), Mode.APPLY, RollingPlan.of(replan.get(), 1)));
    }

    /** Every file the plan would write, per host, without contacting any host. */
    public RenderReport render() {
        Map<String, List<DesiredFile>> byHost = PlanRenderer.render(plan, inventory, templates, limitHosts);
        List<RenderedFile> out = new ArrayList<>();
        byHost.forEach((host, files) -> files.forEach(f ->
                out.add(new RenderedFile(host, f.path(), f.content(), f.mode(), f.sensitive()))));
        return new RenderReport(out);
    }

    /**
     * The CIS gate's verdict on every host's rendered configuration (these templates, overrides included),
     * without contacting any host. {@link #plan()}, {@link #apply()} and {@link #upgrade} refuse to run
     * when it did not pass.
     */
    public CisOutcome cis() {
        CisVerdict v = verdict();
        return new CisOutcome(v.passed(), v.report().render(), v.accepted().entrySet().stream()
                .map(a -> "CIS " + a.getKey().id() + " on " + a.getKey().host() + " (" + a.getKey().status() + "): "
                        + a.getValue().reason()).sorted().toList(), v.refusalLines());
    }

    private CisVerdict verdict() {
        return verdict(Set.of());
    }

    private CisVerdict verdict(Set<String> hosts) {
        return CisGate.evaluate(inventory, PlanRenderer.render(plan, inventory, templates, hosts));
    }

    /** Refuses a run whose hosts (all, or the builder's {@code limitHosts}: only they get files) would get a config the gate refuses. */
    private void requireCis() {
        // Every caller connects right after the gate: the transport's crypto warms meanwhile (no network).
        settings.warmUpTransport();
        CisVerdict verdict = verdict(limitHosts);
        if (!verdict.passed()) {
            throw new InvalidSetupException(verdict.refusalLines());
        }
    }

    /**
     * A rolling upgrade to the inventory's versions: first reads the versions installed on the hosts and
     * refuses (changing nothing) an upgrade upstream forbids; then applies with the control plane one host
     * at a time and the node phases in batches of {@code maxUnavailable}, each batch checked before the
     * next; the first failed batch stops the rollout and the report names it and what was left.
     *
     * @throws OperationRefusedException naming every refused version jump; nothing was changed
     */
    public ProvisionReport upgrade(int maxUnavailable) {
        return upgrade(maxUnavailable, true, DEFAULT_DRAIN_TIMEOUT);
    }

    /** How long one node's drain may take unless told otherwise. */
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofMinutes(5);

    /**
     * As {@link #upgrade(int)}; and before the first control-plane change an etcd snapshot into the state
     * directory's {@code backups}; with {@code drain}, each Kubernetes node of a batch is drained ({@code kubectl
     * drain} on the first master with the admin kubeconfig: evictions, so PodDisruptionBudgets hold; DaemonSets
     * ignored; emptyDir data deleted; at most {@code drainTimeout}) before the batch is touched and uncordoned
     * after its health check. A failed drain, snapshot or host stops the upgrade there; a failed host stays
     * cordoned. Without an API to ask (no kubectl or admin kubeconfig on the master), nodes are not drained and
     * the report says so.
     *
     * @since 0.1
     */
    public ProvisionReport upgrade(int maxUnavailable, boolean drain, Duration drainTimeout) {
        requireCis(); // before the preflight connects to read installed versions
        Plan rolling = RollingPlan.of(plan, maxUnavailable);
        Operation op = settings.start("upgrade", true);
        try {
            UpgradePreflight.check(op, limitHosts);
        } catch (UpgradeRefusedException e) {
            throw new OperationRefusedException(e.getMessage(), e.problems());
        }
        NodeDrain hooks = new NodeDrain(op, drain, drainTimeout, Optional.of(stateDirectory.resolve("backups")), stateDirectory);
        Executor executor = Executor.within(op, Mode.APPLY, limitHosts, events).withRolloutHooks(hooks);
        return Reports.report(executor.run(rolling, inventory, templates), inventory.hosts().stream().map(Host::name).toList());
    }

    /**
     * Takes away from the hosts (all, or the builder's {@code limitHosts}) what applies installed there, as
     * recorded on each host: services, unit files, binaries, configs, data, PKI, packages that were not
     * there before, iptables rules and CNI interfaces, the /etc/hosts block. Confirmation is the caller's job.
     * One outcome per host ({@code item} "reset"): {@code CHANGED} with one line per thing taken away in
     * {@code detail}, or {@code FAILED} with the kind ({@link FailureKind#LOCKED}, {@code UNREACHABLE},
     * {@code STEP_FAILED}) and why.
     *
     * @since 0.1
     */
    public OperationReport reset() {
        return DayTwo.reset(settings.start("reset", true), selected());
    }

    /**
     * One ad-hoc command on the hosts (all, or the builder's {@code limitHosts}), at most
     * {@code parallelism} at once, through the same SSH mapping as {@code apply}. Takes no run lock (it
     * is for looking at hosts; what the command changes is the caller's business). {@code onEach}
     * hears each host's result as it finishes (from worker threads, one at a time); the list is in
     * inventory order. Interrupted: hosts not started are reported with {@link FailureKind#INTERRUPTED}.
     */
    public List<CommandOutcome> run(RemoteCommand command, Consumer<CommandOutcome> onEach) {
        Object lock = new Object();
        return new AdHocCommand(settings.start("run", false)).run(selected(), command, r -> {
            synchronized (lock) {
                onEach.accept(r);
            }
        });
    }

    /**
     * Read-only health of every component on every host (probes batched per host, hosts in parallel);
     * with {@code smoke}, also the smoke test on the first master (it creates and deletes its own
     * namespace). Never throws for an unhealthy or unreachable host: that is in the report.
     */
    public OperationReport check(boolean smoke) {
        HealthCheck check = HealthCheck.builder().inventory(inventory).smoke(smoke).templatesDir(templatesDir.orElse(null)).build();
        return DayTwo.check(settings.start("check", false), check);
    }

    /**
     * A kubeconfig for this machine whose client certificate the cluster CA in the state directory
     * issues in memory (nothing is stored but what the caller writes); contacts no host. The server is
     * {@code server} or the first master's address on port 6443.
     *
     * @throws IllegalArgumentException when the request's names or validity are refused
     * @throws ProvisionerException     when the state directory has no usable cluster CA
     */
    public Kubeconfig kubeconfig(KubeconfigRequest request, Optional<String> server) {
        ControllerKubeconfig.Rendered r = new ControllerKubeconfig(ClusterPki.standard(), templates)
                .render(inventory, stateDirectory, clientRequest(request), server);
        return new Kubeconfig(r.text(), r.server(), r.user(), r.notAfter());
    }

    /**
     * {@link #kubeconfig} written to {@code file}, 0600 from creation (a file that cannot be written is
     * a {@link ProvisionerException}); the returned text is the file's content.
     */
    public Kubeconfig writeKubeconfig(KubeconfigRequest request, Optional<String> server, Path file) {
        ControllerKubeconfig.Rendered r = new ControllerKubeconfig(ClusterPki.standard(), templates)
                .write(inventory, stateDirectory, clientRequest(request), server, file);
        return new Kubeconfig(r.text(), r.server(), r.user(), r.notAfter());
    }

    private static ClientCertificateRequest clientRequest(KubeconfigRequest r) {
        return new ClientCertificateRequest(r.user(), r.groups(), r.ttl());
    }

    /**
     * The same read-only health check as {@link #check(boolean)}, with every probe's own status (a
     * component that is not installed is told apart from one that failed) and, for the smoke test, the
     * nginx image to run instead of {@code <registry>/nginx:1.27}. Never throws for an unhealthy or
     * unreachable host: that is in the report.
     */
    public HealthReport health(boolean smoke, Optional<String> smokeImage) {
        HealthCheck check = HealthCheck.builder().inventory(inventory).smoke(smoke).smokeImage(smokeImage.orElse(null))
                .templatesDir(templatesDir.orElse(null)).build();
        return DayTwo.health(settings.start("check", false), check);
    }

    /**
     * Takes {@code host} out of the running cluster: its Node object, its etcd member, then the host
     * itself, each under the run lock of the hosts contacted; works when the host is already dead.
     * The inventory must still list the host.
     *
     * @param force remove its etcd member even when the remaining members would have no healthy quorum
     */
    public OperationReport removeNode(String host, boolean force) {
        return DayTwo.removeNode(settings.start("remove-node", true), host, force);
    }

    /** An etcd snapshot with the cluster PKI of the state directory, in a new directory under {@code outDir}; read-only on hosts. */
    public OperationReport etcdSnapshot(Path outDir) {
        return DayTwo.etcdSnapshot(settings.start("etcd snapshot", false), outDir, stateDirectory);
    }

    /**
     * Copies the newest snapshot the {@code cluster.etcd.backup} timer wrote on the first etcd member to
     * {@code output} (a file, or an existing directory where it keeps its name): created 0600, never
     * overwriting, kept only when its SHA-256 equals the one the timer recorded. Read-only on hosts.
     */
    public OperationReport etcdFetchScheduledSnapshot(Path output) {
        return DayTwo.etcdFetchScheduledSnapshot(settings.start("etcd snapshot --fetch", false), output);
    }

    /** Restores every etcd member from {@code snapshot}, under each member's run lock; nothing changes unless every member is reached. */
    public OperationReport etcdRestore(Path snapshot) {
        return DayTwo.etcdRestore(settings.start("etcd restore", true), snapshot);
    }

    /**
     * Removes etcd member {@code member} through the surviving members (under their run lock).
     *
     * @param force remove even when the remaining members would not have a healthy quorum
     */
    public OperationReport etcdMemberRemove(String member, boolean force) {
        return DayTwo.etcdMemberRemove(settings.start("etcd member remove", true), member, force);
    }

    private List<Host> selected() {
        return inventory.hosts().stream().filter(h -> limitHosts.isEmpty() || limitHosts.contains(h.name())).toList();
    }

    private ProvisionReport run(Mode mode) {
        requireCis();
        return run(settings.start(mode == Mode.APPLY ? "apply" : "plan", mode == Mode.APPLY), mode, plan);
    }

    private ProvisionReport run(Operation op, Mode mode, Plan runPlan) {
        Executor executor = Executor.within(op, mode, limitHosts, events).withFactsGate(new PreflightChecks(inventory));
        return Reports.report(executor.run(runPlan, inventory, templates), inventory.hosts().stream().map(Host::name).toList());
    }

    /** Configures a {@link Provisioner}; {@link #build()} reports every problem at once. */
    public static final class Builder {
        private Inventory inventory;
        private Transport transport;
        private int parallelism;
        private Path templatesDir;
        private boolean acceptAnyHostKey;
        private final List<ProvisionListener> listeners = new ArrayList<>();
        private UnaryOperator<Plan> customizer = UnaryOperator.identity();
        private ConnectionFactory connections;
        private final Set<String> limitHosts = new LinkedHashSet<>();
        private final Set<String> only = new LinkedHashSet<>();
        private final Set<String> skip = new LinkedHashSet<>();
        private RegistryCertificatePaths registryTls;
        private Path stateDirectory;
        private Path artifactsDirectory;
        private boolean downloads = true;
        private boolean requirePinned;
        private Path bundle;
        private ComponentContext context;

        private Builder() {
        }

        /** The validated inventory as the engine holds it (tests in this package). */
        Builder inventory(Inventory value) {
            this.inventory = value;
            return this;
        }

        /** The validated inventory (required): {@link ClusterInventory#load(Path)}. */
        public Builder inventory(ClusterInventory value) {
            this.inventory = value.inventory();
            return this;
        }

        /** Use this SSH library for every host, whatever the inventory says. */
        public Builder transport(Transport kind) {
            this.transport = kind;
            return this;
        }

        /** Hosts worked on at once (default: the inventory's {@code cluster.ssh.parallelism}). */
        public Builder parallelism(int hosts) {
            this.parallelism = hosts;
            return this;
        }

        /**
         * Accept any SSH host key (for throw-away labs; the inventory cannot ask for this). {@link #build()} refuses
         * it when a host authenticates with a password or uses a sudo password.
         */
        public Builder insecureAcceptAnyHostKey(boolean value) {
            this.acceptAnyHostKey = value;
            return this;
        }

        /** A directory of templates searched before the built-in ones. */
        public Builder templatesDir(Path dir) {
            this.templatesDir = dir;
            return this;
        }

        /** Adds a listener for the run's events. */
        public Builder listener(ProvisionListener listener) {
            this.listeners.add(listener);
            return this;
        }

        /** Edits the standard plan: insert, replace or remove phases by title (engine types: tests in this package). */
        Builder customizePlan(UnaryOperator<Plan> edit) {
            this.customizer = this.customizer.andThen(edit)::apply;
            return this;
        }

        /** Opens connections some other way (engine types: tests in this package). */
        Builder connectionFactory(ConnectionFactory factory) {
            this.connections = factory;
            return this;
        }

        /** Works only on these hosts; the desired state still covers the whole inventory. */
        public Builder limitHosts(Collection<String> names) {
            this.limitHosts.addAll(names);
            return this;
        }

        /** Runs only these phases. */
        public Builder onlyPhases(Collection<String> titles) {
            this.only.addAll(titles);
            return this;
        }

        /** Leaves these phases out. */
        public Builder skipPhases(Collection<String> titles) {
            this.skip.addAll(titles);
            return this;
        }

        private Optional<RegistryTls> registryTls() {
            return Optional.ofNullable(registryTls).map(t -> new RegistryTls(t.certificatePath(), t.keyPath(), t.caPath()));
        }

        /**
         * The registry's certificate paths on its host, for an embedder that places its own certificate there.
         * Without it the registry serves TLS with a certificate from the cluster CA ({@code cluster.registry.tls},
         * the default) or plain HTTP ({@code tls: false}).
         */
        public Builder registryCertificate(RegistryCertificatePaths paths) {
            this.registryTls = paths;
            return this;
        }

        /** Local cluster state (PKI, artifact cache); default {@code .provisioner/<cluster name>} in the working directory. */
        public Builder stateDirectory(Path dir) {
            this.stateDirectory = dir;
            return this;
        }

        /** Release files for air-gapped sites (with a SHA256SUMS file); overrides the inventory's {@code install.artifactsDir}. */
        public Builder artifactsDirectory(Path dir) {
            this.artifactsDirectory = dir;
            return this;
        }

        /** Whether release files may be downloaded (default true); false for strictly air-gapped runs. */
        public Builder downloads(boolean allowed) {
            this.downloads = allowed;
            return this;
        }

        /** Accept only release files whose checksum the catalogue or the cluster's lock file pins ({@code --require-pinned}). */
        public Builder requirePinned(boolean required) {
            this.requirePinned = required;
            return this;
        }

        /**
         * An air-gap bundle ({@code provisioner bundle create}) to install from with no network access; overrides the
         * inventory's {@code install.bundle}. It is verified completely and unpacked into the state directory at
         * {@link #build()}; a bundle that does not match its checksums or manifest is refused there.
         */
        public Builder bundle(Path file) {
            this.bundle = file;
            return this;
        }

        /** The context components contribute their phases from (a bundle is verified and unpacked here). */
        ComponentContext componentContext() {
            ComponentContext defaults = ComponentContext.defaults(inventory);
            Path state = stateDirectory != null ? stateDirectory : defaults.stateDirectory();
            Optional<Path> fromBundle = Optional.ofNullable(bundle).or(() -> inventory.cluster().install().bundle())
                    .map(b -> BundleReader.unpack(b, state).directory());
            context = new ComponentContext(inventory, state, fromBundle.or(() -> Optional.ofNullable(artifactsDirectory)),
                    downloads && fromBundle.isEmpty(), requirePinned);
            return context;
        }

        /**
         * @throws InvalidSetupException listing every problem (missing inventory, unknown hosts or phases, ...)
         */
        public Provisioner build() {
            List<String> problems = new ArrayList<>();
            if (inventory == null) {
                throw new InvalidSetupException(List.of("inventory: required"));
            }
            if (parallelism < 0) {
                problems.add("parallelism: must be at least 1, got " + parallelism);
            }
            if (acceptAnyHostKey) {
                dev.provisioner.connect.InsecureHostKeys.problems(inventory).forEach(p -> problems.add("--insecure-accept-any-host-key: " + p));
            }
            if (templatesDir != null && !Files.isDirectory(templatesDir)) {
                problems.add("templates directory: " + templatesDir + " does not exist");
            }
            for (String h : limitHosts) {
                if (inventory.host(h).isEmpty()) {
                    problems.add("limit: no host '" + h + "' in the inventory (hosts: "
                            + inventory.hosts().stream().map(Host::name).toList() + ")");
                }
            }
            Plan plan = null;
            try {
                plan = customizer.apply(StandardPlan.create(componentContext(), registryTls()));
                plan = only.isEmpty() ? plan : plan.only(only);
                plan = plan.skip(skip);
            } catch (IllegalArgumentException e) {
                problems.add("phases: " + e.getMessage());
            } catch (BundleException e) {
                problems.add("bundle: " + e.getMessage());
            }
            if (!problems.isEmpty()) {
                throw new InvalidSetupException(problems);
            }
            return new Provisioner(this, plan, TemplateRenderer.create(Optional.ofNullable(templatesDir)));
        }
    }
}
