package dev.provisioner.component.runtime;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.step.Action;
import dev.provisioner.step.Converge;
import dev.provisioner.step.RestartOnChange;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.step.WaitHealthy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * containerd enabled and running, restarted when its config.toml changed or its package was
 * installed in this run (release binaries: when config.toml, our unit or the containerd binary changed) (hosts.toml files are read per pull and need none), and healthy: active
 * and answering {@code ctr version} over its socket.
 */
final class ContainerdServiceStep implements Step {
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(30);
    static final String PROBE = "systemctl is-active --quiet containerd && ctr version >/dev/null";
    static final String RELEASE_PROBE = "systemctl is-active --quiet containerd && " + ContainerdLayout.RELEASE_BIN_DIR
            + "/ctr version >/dev/null";

    @Override
    public String name() {
        return "containerd-service";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return FactsQuery.units(ContainerdLayout.UNIT);
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        List<Action> actions = new ArrayList<>();
        Converge.unit(ContainerdLayout.UNIT, ctx.facts().orElseThrow()).ifPresent(actions::add);
        if (ContainerdLayout.fromPackages(ctx.inventory())) {
            actions.add(new RestartOnChange(ContainerdLayout.UNIT, Set.of(ContainerdLayout.CONFIG),
                    Set.of(ContainerdLayout.PACKAGE, ContainerdLayout.DOCKER_PACKAGE)));
            actions.add(new WaitHealthy("containerd is active and ctr version answers", PROBE, HEALTH_TIMEOUT));
        } else {
            actions.add(new RestartOnChange(ContainerdLayout.UNIT, Set.of(ContainerdLayout.CONFIG, ContainerdLayout.UNIT_PATH,
                    ContainerdLayout.RELEASE_BIN_DIR + "/containerd"), Set.of()));
            actions.add(new WaitHealthy("containerd is active and ctr version answers", RELEASE_PROBE, HEALTH_TIMEOUT));
        }
        return StepOutcome.of(actions, ContainerdLayout.UNIT + " is active and enabled");
    }
}
