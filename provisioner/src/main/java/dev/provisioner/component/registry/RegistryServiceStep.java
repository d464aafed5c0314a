package dev.provisioner.component.registry;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.step.Action;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.RestartOnChange;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.step.WaitHealthy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The registry's systemd drop-in, unit enabled and running, restart when its config, drop-in, TLS
 * files or package changed in this run, and a health probe of {@code /v2/} after any change.
 */
final class RegistryServiceStep implements Step {
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(30);
    private final Optional<RegistryTls> tls;

    RegistryServiceStep(Optional<RegistryTls> tls) {
        this.tls = tls;
    }

    @Override
    public String name() {
        return "registry-service";
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        return List.of(new RegistryFiles(ctx, tls).dropIn());
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return Converge.query(files(ctx)).and(FactsQuery.units(RegistryLayout.of(ctx.osFamily()).unit()));
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        RegistryFiles files = new RegistryFiles(ctx, tls);
        String unit = files.layout().unit();
        List<Action> actions = new ArrayList<>();
        Converge.file(files.dropIn(), ctx.facts().orElseThrow()).ifPresent(actions::add);
        Converge.unit(unit, ctx.facts().orElseThrow()).ifPresent(actions::add);
        actions.add(new RestartOnChange(unit, Set.copyOf(files.watched()), Set.of(files.layout().packageName())));
        actions.add(new WaitHealthy(files.probeName(), files.probeScript(), HEALTH_TIMEOUT));
        return StepOutcome.of(actions, unit + " is active and enabled");
    }
}
