package dev.provisioner.component.registry;

import dev.provisioner.step.Action;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The pull endpoint's config.yml (read-only), the push endpoint's push.yml (htpasswd) and the htpasswd file. */
final class RegistryConfigStep implements Step {
    private final Optional<RegistryTls> tls;
    private final RegistryPush push;
    private final Htpasswd htpasswd;

    /** @param stateDirectory where the htpasswd line is kept between processes ({@link HtpasswdCache}), if any */
    RegistryConfigStep(Optional<RegistryTls> tls, RegistryPush push, Optional<Path> stateDirectory) {
        this.tls = tls;
        this.push = push;
        this.htpasswd = new Htpasswd(push, stateDirectory);
    }

    @Override
    public String name() {
        return "registry-config";
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        RegistryFiles files = new RegistryFiles(ctx, tls, push);
        return List.of(files.config(), files.pushConfig(), files.htpasswd(htpasswd));
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        List<Action> actions = new ArrayList<>();
        for (DesiredFile f : files(ctx)) {
            Converge.file(f, ctx.facts().orElseThrow()).ifPresent(actions::add);
        }
        String scheme = tls.isPresent() ? "HTTPS" : "plain HTTP";
        RegistryFiles files = new RegistryFiles(ctx, tls, push);
        return StepOutcome.of(actions, files.layout().configPath() + " (pull, read-only, " + files.pullAddress() + ") and "
                + files.layout().pushConfigPath() + " (push as " + push.user() + ", " + files.pushAddress() + ") are up to date (" + scheme + ")");
    }
}
