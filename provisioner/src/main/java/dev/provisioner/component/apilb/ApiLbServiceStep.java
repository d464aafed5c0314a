package dev.provisioner.component.apilb;

import dev.provisioner.component.kube.KubeSources;
import dev.provisioner.facts.FactsQuery;
import dev.provisioner.pki.PkiNames;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * haproxy's config and health-check certificate, the unit enabled and running, restarted when either
 * (or the package) changed, then a probe that 127.0.0.1:6443 accepts connections. Whether a master
 * answers behind it is {@code check}'s job: on a first apply no API server runs yet.
 */
final class ApiLbServiceStep implements Step {
    private final KubeSources sources;

    ApiLbServiceStep(KubeSources sources) {
        this.sources = sources;
    }

    @Override
    public String name() {
        return "api-lb-service";
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        return ApiLbFiles.files(ctx.templates(), ctx.inventory(), sources.credential(PkiNames.APILB_HEALTHCHECK));
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return Converge.query(files(ctx)).and(FactsQuery.units(ApiLbFiles.UNIT));
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        List<Action> actions = new ArrayList<>();
        Set<String> watched = new HashSet<>();
        for (DesiredFile f : files(ctx)) {
            Converge.file(f, ctx.facts().orElseThrow()).ifPresent(actions::add);
            watched.add(f.path());
        }
        Converge.unit(ApiLbFiles.UNIT, ctx.facts().orElseThrow()).ifPresent(actions::add);
        actions.add(new RestartOnChange(ApiLbFiles.UNIT, watched, Set.of(ApiLbFiles.PACKAGE)));
        actions.add(new WaitHealthy("haproxy accepts connections on 127.0.0.1:6443",
                "timeout 2 bash -c '</dev/tcp/127.0.0.1/6443'", Duration.ofSeconds(30), List.of(ApiLbFiles.UNIT)));
        return StepOutcome.of(actions, ApiLbFiles.UNIT + " is active and enabled, " + ApiLbFiles.CONFIG + " up to date");
    }
}
