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
 * The pull endpoint's systemd drop-in and the push endpoint's unit, both enabled and running, each
 * restarted when its config, unit, TLS files (push: htpasswd) or the package changed in this run, and a
 * probe of both {@code /v2/} after any change.
 */
final class RegistryServiceStep implements Step {
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(30);
    private final Optional<RegistryTls> tls;
    private final RegistryPush push;

    RegistryServiceStep(Optional<RegistryTls> tls, RegistryPush push) {
        this.tls = tls;
        this.push = push;
    }

    @Override
    public String name() {
        return "registry-service";
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        RegistryFiles files = new RegistryFiles(ctx, tls, push);
        return List.of(files.dropIn(), files.pushUnit());
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return Converge.query(files(ctx)).and(FactsQuery.units(RegistryLayout.of(ctx.osFamily()).unit(), RegistryLayout.PUSH_UNIT));
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        RegistryFiles files = new RegistryFiles(ctx, tls, push);
        String unit = files.layout().unit();
        List<Action> actions = new ArrayList<>();
        for (DesiredFile f : files(ctx)) {
            Converge.file(f, ctx.facts().orElseThrow()).ifPresent(actions::add);
        }
        Converge.unit(unit, ctx.facts().orElseThrow()).ifPresent(actions::add);
        Converge.unit(RegistryLayout.PUSH_UNIT, ctx.facts().orElseThrow()).ifPresent(actions::add);
        actions.add(new RestartOnChange(unit, Set.copyOf(files.watched()), Set.of(files.layout().packageName())));
        actions.add(new RestartOnChange(RegistryLayout.PUSH_UNIT, Set.copyOf(files.pushWatched()), Set.of(files.layout().packageName())));
        actions.add(new WaitHealthy(files.probeName(), files.probeScript(), HEALTH_TIMEOUT));
        return StepOutcome.of(actions, unit + " (pull) and " + RegistryLayout.PUSH_UNIT + " (push) are active and enabled");
    }
}
