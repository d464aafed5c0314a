package dev.provisioner.component.prereq;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.facts.OsFamily;
import dev.provisioner.step.Converge;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The OS packages kubelet, kube-proxy and the CNI plugins call (KTHW installs socat, conntrack,
 * ipset, kmod on workers), plus iptables, CA certificates, curl and the sysctl and modprobe tools
 * this phase itself runs.
 */
final class PrereqPackagesStep implements Step {
    static final List<String> DEBIAN = List.of("socat", "conntrack", "ipset", "kmod", "iptables", "ca-certificates", "curl", "procps");
    static final List<String> RHEL = List.of("socat", "conntrack-tools", "ipset", "kmod", "iptables-nft", "ca-certificates", "curl", "procps-ng");

    @Override
    public String name() {
        return "prereq-packages";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        Set<String> all = new HashSet<>(DEBIAN);
        all.addAll(RHEL);
        return new FactsQuery(all, java.util.Map.of(), Set.of());
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        HostFacts facts = ctx.facts().orElseThrow();
        List<String> wanted = ctx.osFamily() == OsFamily.RHEL ? RHEL : DEBIAN;
        return Converge.packages(wanted, facts)
                .<StepOutcome>map(a -> StepOutcome.of(List.of(a), ""))
                .orElseGet(() -> StepOutcome.converged(String.join(", ", wanted) + " are installed"));
    }
}
