package dev.provisioner.component.kube;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.step.Action;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.RestartOnChange;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.step.WaitHealthy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * systemd services: their unit files, each unit enabled and running, restarted when a file it
 * depends on changed in this run (unit, config, kubeconfig, certificate, binary), then a health probe.
 */
public final class ServicesStep implements Step {

    /**
     * One service on a host.
     *
     * @param unit    unit name, e.g. {@code kube-apiserver.service}
     * @param file    its unit file
     * @param watched paths whose change requires a restart (the unit file is added)
     */
    public record Service(String unit, DesiredFile file, Set<String> watched) {
        public Service {
            watched = Set.copyOf(watched);
        }
    }

    /** A health probe run after the services (only matters when something changed). */
    public record Probe(String what, String script, java.time.Duration timeout) {
    }

    private final String name;
    private final Function<StepContext, List<Service>> services;
    private final Function<StepContext, Optional<Probe>> probe;

    public ServicesStep(String name, Function<StepContext, List<Service>> services, Function<StepContext, Optional<Probe>> probe) {
        this.name = Objects.requireNonNull(name, "name");
        this.services = Objects.requireNonNull(services, "services");
        this.probe = Objects.requireNonNull(probe, "probe");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        return services.apply(ctx).stream().map(Service::file).toList();
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        FactsQuery q = Converge.query(files(ctx));
        for (Service s : services.apply(ctx)) {
            q = q.and(FactsQuery.units(s.unit()));
        }
        return q;
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        List<Action> actions = new ArrayList<>();
        List<Service> all = services.apply(ctx);
        for (Service s : all) {
            Converge.file(s.file(), ctx.facts().orElseThrow()).ifPresent(actions::add);
        }
        for (Service s : all) {
            Converge.unit(s.unit(), ctx.facts().orElseThrow()).ifPresent(actions::add);
            java.util.Set<String> watched = new java.util.HashSet<>(s.watched());
            watched.add(s.file().path());
            actions.add(new RestartOnChange(s.unit(), watched, Set.of()));
        }
        probe.apply(ctx).ifPresent(p -> actions.add(new WaitHealthy(p.what(), p.script(), p.timeout())));
        return StepOutcome.of(actions, String.join(", ", all.stream().map(Service::unit).toList()) + " active and enabled");
    }
}
