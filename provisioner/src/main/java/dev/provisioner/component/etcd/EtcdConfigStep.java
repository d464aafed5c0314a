package dev.provisioner.component.etcd;

import dev.provisioner.component.pki.ServiceUser;
import dev.provisioner.step.Action;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.ArrayList;
import java.util.List;

/**
 * {@value EtcdInstall#CONF_PATH} and our unit {@value EtcdInstall#UNIT_PATH}. With release binaries no
 * package creates the {@code etcd} user the unit runs as, so the step creates it when it writes the unit.
 */
final class EtcdConfigStep implements Step {
    @Override
    public String name() {
        return "etcd-config";
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        return new EtcdFiles(ctx).all();
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        EtcdFiles files = new EtcdFiles(ctx);
        List<Action> actions = new ArrayList<>();
        for (DesiredFile f : files.all()) {
            Converge.file(f, ctx.facts().orElseThrow()).ifPresent(actions::add);
        }
        if (!actions.isEmpty() && !files.install().fromPackages()) {
            actions.add(0, new RunCommand(ServiceUser.ETCD.describe(), ServiceUser.ETCD.ensureScript(), true));
        }
        int n = EtcdMembers.of(ctx.inventory()).hosts().size();
        return StepOutcome.of(actions, EtcdInstall.CONF_PATH + " and " + EtcdInstall.UNIT_PATH + " are up to date (member "
                + ctx.host().name() + " of " + n + ")");
    }
}
