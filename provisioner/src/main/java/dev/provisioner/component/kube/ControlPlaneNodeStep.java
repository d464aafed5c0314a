package dev.provisioner.component.kube;

import dev.provisioner.inventory.Role;
import dev.provisioner.step.Action;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.transport.Command;

import java.util.ArrayList;
import java.util.List;

/**
 * On a master: the Node's {@code node-role.kubernetes.io/control-plane} label (the kubelet may not set a
 * {@code node-role} label on itself, NodeRestriction) and its {@code control-plane:NoSchedule} taint,
 * removed when {@code cluster.masters.schedulable} is true. The kubelet registers with the taint already
 * (KubeletConfiguration {@code registerWithTaints}); this step converges a Node registered earlier and
 * a changed switch. The wanted state is recorded in {@value #MARKER}: when it changes, kubectl (with
 * admin.conf) applies it; a failed apply removes the marker so the next run tries again.
 */
final class ControlPlaneNodeStep implements Step {
    static final String MARKER = KubePaths.CONFIG_DIR + "/control-plane-node.yaml";
    static final String TAINT = "node-role.kubernetes.io/control-plane";

    @Override
    public String name() {
        return "control-plane-node";
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        if (!ctx.host().hasRole(Role.MASTER)) {
            return List.of();
        }
        return List.of(DesiredFile.text(MARKER, "# Managed by provisioner: the Node's control-plane label and taint.\n"
                + "label: " + TAINT + "\n" + "taint: " + (schedulable(ctx) ? "none" : TAINT + ":NoSchedule") + "\n").withMode(0600));
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        List<Action> actions = new ArrayList<>();
        for (DesiredFile f : files(ctx)) {
            Converge.file(f, ctx.facts().orElseThrow()).ifPresent(put -> {
                actions.add(put);
                actions.add(RunCommand.of("label and " + (schedulable(ctx) ? "untaint" : "taint") + " Node " + ctx.host().name(),
                        script(ctx.host().name(), schedulable(ctx))));
            });
        }
        return StepOutcome.of(actions, ctx.host().hasRole(Role.MASTER) ? "control-plane label and taint as wanted" : "not a master");
    }

    static boolean schedulable(StepContext ctx) {
        return ctx.inventory().cluster().security().mastersSchedulable();
    }

    /** Waits up to 120 s for the Node to register, then labels and (un)taints it. */
    static String script(String node, boolean schedulable) {
        String k = Command.quote(KubePaths.binary("kubectl")) + " --kubeconfig=" + Command.quote(KubePaths.ADMIN_CONF);
        String n = Command.quote(node);
        String taint = schedulable
                ? "if " + k + " get node " + n + " -o jsonpath='{.spec.taints[*].key}' | grep -qw " + Command.quote(TAINT) + "; then "
                + k + " taint node " + n + " " + Command.quote(TAINT + ":NoSchedule-") + " || ok=; fi\n"
                : k + " taint node " + n + " " + Command.quote(TAINT + ":NoSchedule") + " --overwrite || ok=\n";
        return "ok=\n"
                + "for i in $(seq 1 40); do\n"
                + "  if " + k + " get node " + n + " >/dev/null 2>&1; then ok=1; break; fi\n"
                + "  sleep 3\n"
                + "done\n"
                + "if [ -n \"$ok\" ]; then\n"
                + "  " + k + " label node " + n + " " + Command.quote(TAINT + "=") + " --overwrite || ok=\n"
                + "  " + taint
                + "fi\n"
                + "if [ -z \"$ok\" ]; then rm -f " + Command.quote(MARKER) + "; echo 'Node " + node + " not labelled/tainted' >&2; exit 1; fi\n";
    }
}
