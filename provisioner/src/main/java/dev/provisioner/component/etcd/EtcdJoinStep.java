package dev.provisioner.component.etcd;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.FileProbe;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.List;

/**
 * A member's place in the cluster, decided once, before its first start: when
 * {@value EtcdInstall#INITIAL_ENV_PATH} is missing, the {@link EtcdJoin} script asks the running members
 * and writes it. Once written it is never rewritten, so adding or removing members restarts no one.
 */
final class EtcdJoinStep implements Step {
    @Override
    public String name() {
        return "etcd-join";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return FactsQuery.file(EtcdInstall.INITIAL_ENV_PATH, FileProbe.metadata());
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        if (ctx.facts().orElseThrow().file(EtcdInstall.INITIAL_ENV_PATH).exists()) {
            return StepOutcome.converged("member " + ctx.host().name() + " joined the cluster before ("
                    + EtcdInstall.INITIAL_ENV_PATH + " exists)");
        }
        EtcdInstall install = EtcdInstall.of(ctx.inventory(), ctx.osFamily());
        String how = EtcdJoin.mayBootstrap(ctx.inventory(), ctx.host())
                ? "join the running etcd members (member add), or start a new cluster when none answers"
                : "join the running etcd members (member add " + ctx.host().name() + ")";
        return StepOutcome.of(List.of(RunCommand.of(how + " and write " + EtcdInstall.INITIAL_ENV_PATH,
                EtcdJoin.script(ctx.inventory(), ctx.host(), install.etcdctl()))), "");
    }
}
