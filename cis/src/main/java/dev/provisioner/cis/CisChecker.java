package dev.provisioner.cis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Evaluates the CIS Kubernetes Benchmark (1.12, as kube-bench defines it) against rendered output.
 *
 * <p>Every check of the benchmark appears in the report: the offline-decidable ones (file modes and
 * owners, component flags, kubelet and kube-proxy config fields, etcd settings from an
 * EnvironmentFile) are evaluated with kube-bench's semantics and come out PASS, FAIL or WARN; checks
 * that need a live cluster are NOT_DECIDABLE, judgement calls are MANUAL, and checks of a component
 * that does not run on a host are NOT_APPLICABLE there, each with its reason.
 *
 * <pre>{@code
 * RenderedHost master = new RenderedHost("master", Set.of("master"), renderedFiles);
 * CisReport report = new CisChecker(ComponentLayout.defaults()).check(List.of(master));
 * if (!report.allDecidedPass()) {
 *     throw new IllegalStateException(report.render());
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; each call reads its input afresh.
 */
public final class CisChecker {
    private final ComponentLayout layout;
    private final List<CheckDefinition> catalogue;

    /** A checker for the default layout. */
    public CisChecker() {
        this(ComponentLayout.defaults());
    }

    /** A checker for {@code layout}. */
    public CisChecker(ComponentLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.catalogue = CheckCatalogue.builtIn();
    }

    /**
     * Checks every host (per-host checks in catalogue order per host), then the cluster-wide checks once.
     *
     * @throws IllegalArgumentException when two hosts have the same name
     */
    public CisReport check(List<RenderedHost> hosts) {
        if (hosts.stream().map(RenderedHost::name).distinct().count() != hosts.size()) {
            throw new IllegalArgumentException("host names must be unique");
        }
        List<HostContext> cluster = hosts.stream().map(h -> new HostContext(h, layout)).toList();
        List<CheckResult> results = new ArrayList<>();
        for (HostContext ctx : cluster) {
            for (CheckDefinition def : catalogue) {
                if (!def.clusterWide()) {
                    results.add(CheckRunner.onHost(def, ctx, cluster));
                }
            }
        }
        for (CheckDefinition def : catalogue) {
            if (def.clusterWide()) {
                results.add(CheckRunner.onCluster(def, cluster));
            }
        }
        return new CisReport(results);
    }

    /** Checks one host (plus the cluster-wide checks, decided from this host alone). */
    public CisReport check(RenderedHost host) {
        return check(List.of(host));
    }

    /** Ids of every check in the catalogue, in benchmark order. */
    public List<String> checkIds() {
        return catalogue.stream().map(CheckDefinition::id).toList();
    }

    /** Ids of the checks this checker evaluates offline (the rest are reported MANUAL or NOT_DECIDABLE). */
    public List<String> decidableCheckIds() {
        return catalogue.stream().filter(CheckDefinition::decidable).map(CheckDefinition::id).toList();
    }
}
