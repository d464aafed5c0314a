package dev.provisioner.component.addons;

import dev.provisioner.component.kube.KubePaths;
import dev.provisioner.step.Action;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.PutFile;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.transport.Command;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the add-on manifests and applies the changed ones with kubectl on the first master: the
 * cluster-admins binding with the break-glass super-admin kubeconfig, everything else with admin.conf.
 * A manifest whose apply fails is removed again, so the next run applies it again instead of finding
 * it converged.
 */
final class AddonsStep implements Step {
    static final String KUBECTL = KubePaths.binary("kubectl");

    @Override
    public String name() {
        return "addons";
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        return new AddonFiles(ctx).all();
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        List<Action> actions = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (DesiredFile f : files(ctx)) {
            Converge.file(f, ctx.facts().orElseThrow()).ifPresent(put -> {
                actions.add(put);
                if (((PutFile) put).reasons().stream().anyMatch(r -> !r.startsWith("mode") && !r.startsWith("owner"))) {
                    changed.add(f.path());
                }
            });
        }
        for (String path : changed) {
            String kubeconfig = path.equals(AddonFiles.CLUSTER_ADMINS) ? KubePaths.SUPER_ADMIN_CONF : KubePaths.ADMIN_CONF;
            actions.add(RunCommand.of("kubectl apply -f " + path, apply(kubeconfig, path)));
        }
        return StepOutcome.of(actions, "add-ons applied: cluster-admins binding, apiserver->kubelet RBAC, node certificate renewal, CoreDNS");
    }

    /** Retries while the API server settles (RBAC caches); on failure removes the manifest and fails. */
    static String apply(String kubeconfig, String manifest) {
        String cmd = Command.quote(KUBECTL) + " --kubeconfig=" + Command.quote(kubeconfig) + " apply -f " + Command.quote(manifest);
        return "ok=\n"
                + "for i in 1 2 3 4 5 6 7 8 9 10; do\n"
                + "  if " + cmd + "; then ok=1; break; fi\n"
                + "  sleep 3\n"
                + "done\n"
                + "if [ -z \"$ok\" ]; then rm -f " + Command.quote(manifest) + "; exit 1; fi\n";
    }
}
