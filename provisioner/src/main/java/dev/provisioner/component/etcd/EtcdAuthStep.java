package dev.provisioner.component.etcd;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.pki.HostPaths;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.List;
import java.util.Optional;

/**
 * etcd auth on with the users and roles of {@link EtcdAuth}, set up once, on the first etcd member, as
 * etcd's {@code root} ({@link EtcdAuthScript}); this also migrates a cluster provisioned before auth
 * existed. After the proof that auth is on, the spec is recorded in {@value EtcdAuth#RECORD} on that host; the
 * facts compare that record with the wanted spec, so a converged cluster costs no etcd round trip and a
 * change (of the flannel prefix, say) is applied again. A restore removes the record (the snapshot may
 * predate auth), so the next apply converges again. Limitation: auth switched off by hand inside etcd is
 * not noticed until the record changes or is removed.
 */
final class EtcdAuthStep implements Step {
    @Override
    public String name() {
        return "etcd-auth";
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        return FirstMemberRecord.files(ctx, () -> DesiredFile.text(EtcdAuth.RECORD, EtcdAuth.spec(ctx.inventory())).withMode(0600));
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return Converge.query(files(ctx));
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        Optional<StepOutcome> elsewhere = FirstMemberRecord.elsewhere(ctx, "set up");
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        if (FirstMemberRecord.recorded(ctx, files(ctx).get(0))) {
            return StepOutcome.converged("etcd auth is on; users root, kube-apiserver-etcd-client, flannel (" + EtcdAuth.flannelPrefix(ctx.inventory())
                    + " only), kube-etcd-healthcheck-client (recorded in " + EtcdAuth.RECORD + ")");
        }
        Etcdctl root = new Etcdctl(EtcdInstall.of(ctx.inventory(), ctx.osFamily()).etcdctl(), EtcdMembers.clientUrl(ctx.host()));
        Etcdctl health = root.as(HostPaths.ETCD_HEALTHCHECK_CLIENT_CERT, HostPaths.ETCD_HEALTHCHECK_CLIENT_KEY);
        return StepOutcome.of(List.of(RunCommand.of("etcd auth on: users from certificate CNs, apiserver on " + EtcdAuth.APISERVER_PREFIX
                + ", flannel on " + EtcdAuth.flannelPrefix(ctx.inventory()) + " only; root for provisioner",
                EtcdAuthScript.script(ctx.inventory(), root, health, EtcdAuth.RECORD))), "");
    }
}
