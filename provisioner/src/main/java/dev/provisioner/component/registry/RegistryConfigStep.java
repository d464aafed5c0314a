package dev.provisioner.component.registry;

import dev.provisioner.step.Action;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** config.yml (addr, storage, optional TLS and htpasswd) and the htpasswd file. */
final class RegistryConfigStep implements Step {
    private final Optional<RegistryTls> tls;

    RegistryConfigStep(Optional<RegistryTls> tls) {
        this.tls = tls;
    }

    @Override
    public String name() {
        return "registry-config";
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        RegistryFiles files = new RegistryFiles(ctx, tls);
        List<DesiredFile> out = new ArrayList<>();
        out.add(files.config());
        files.htpasswd().ifPresent(out::add);
        return out;
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        List<Action> actions = new ArrayList<>();
        for (DesiredFile f : files(ctx)) {
            Converge.file(f, ctx.facts().orElseThrow()).ifPresent(actions::add);
        }
        String scheme = tls.isPresent() ? "HTTPS" : "plain HTTP";
        return StepOutcome.of(actions, files(ctx).get(0).path() + " is up to date (" + scheme + ")");
    }
}
