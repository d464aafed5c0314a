package dev.provisioner.component.kube;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.FileProbe;
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
import java.util.Map;

/**
 * The kernel settings the kubelet checks with {@code protectKernelDefaults: true}: written to
 * {@link KubePaths#KUBELET_SYSCTL} and loaded when the file changes. Where {@code /proc/sys} is
 * mounted read-only (a container sharing its machine's kernel) the file is written but not loaded,
 * and the step says so: the kubelet refuses to start there unless the machine already has these values.
 */
final class KernelSettingsStep implements Step {
    @Override
    public String name() {
        return "kubelet-kernel-settings";
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        return List.of(DesiredFile.text(KubePaths.KUBELET_SYSCTL, ctx.templates().render("kube/kubelet-sysctl.conf.ftl", Map.of())));
    }

    static final String MOUNTS = "/proc/mounts";

    @Override
    public FactsQuery facts(StepContext ctx) {
        return Converge.query(files(ctx)).and(FactsQuery.file(MOUNTS, FileProbe.content()));
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        List<Action> actions = new ArrayList<>();
        boolean readOnly = procSysReadOnly(ctx.facts().orElseThrow().file(MOUNTS).text().orElse(""));
        Converge.file(files(ctx).get(0), ctx.facts().orElseThrow()).ifPresent(p -> {
            actions.add(p);
            if (!readOnly) {
                actions.add(RunCommand.of("load " + KubePaths.KUBELET_SYSCTL, "sysctl -p " + Command.quote(KubePaths.KUBELET_SYSCTL) + " >/dev/null"));
            }
        });
        return StepOutcome.of(actions, KubePaths.KUBELET_SYSCTL + " is up to date"
                + (readOnly ? "; not loaded: /proc/sys is mounted read-only (a container shares its machine's kernel)" : ""));
    }

    static boolean procSysReadOnly(String mounts) {
        for (String line : mounts.split("\n")) {
            String[] f = line.split("\\s+");
            if (f.length >= 4 && (f[1].equals("/proc/sys") || f[1].equals("/proc")) && (f[3].equals("ro") || f[3].startsWith("ro,"))) {
                return true;
            }
        }
        return false;
    }
}
