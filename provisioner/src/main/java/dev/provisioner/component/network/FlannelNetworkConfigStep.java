package dev.provisioner.component.network;

import dev.provisioner.component.etcd.EtcdInstall;
import dev.provisioner.component.etcd.EtcdMembers;
import dev.provisioner.component.etcd.Etcdctl;
import dev.provisioner.component.etcd.FirstMemberRecord;
import dev.provisioner.facts.FactsQuery;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.step.Converge;
import dev.provisioner.transport.Command;

import java.util.List;
import java.util.Optional;

/**
 * Writes flannel's network config into etcd with the v3 API, once, on the first etcd member (the first
 * master unless hosts have the role etcd): it holds etcdctl and a client certificate of the etcd CA.
 *
 * <p>The write reads first and puts only a value that differs, then reads the key back and fails unless
 * it holds exactly the wanted JSON. Only after that verified read-back does it record the value in
 * {@value #RECORD} on that host; the facts compare that record with the wanted value, so a converged
 * cluster costs no etcd round trip and a change of the inventory's network (or prefix) is written again.
 * Limitation: an edit of the key inside etcd by someone else is not noticed until the record changes,
 * since facts do not run etcdctl.
 */
final class FlannelNetworkConfigStep implements Step {
    /** What was last written and read back, on the first etcd member. */
    static final String RECORD = "/var/lib/provisioner/network/flannel-network-config.json";

    @Override
    public String name() {
        return "flannel-network-config";
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        return FirstMemberRecord.files(ctx,
                () -> DesiredFile.text(RECORD, FlannelNetworkConfig.of(ctx.inventory(), ctx.templates()).value() + "\n"));
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return Converge.query(files(ctx));
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        Optional<StepOutcome> elsewhere = FirstMemberRecord.elsewhere(ctx, "written");
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        EtcdMembers members = EtcdMembers.of(ctx.inventory());
        FlannelNetworkConfig config = FlannelNetworkConfig.of(ctx.inventory(), ctx.templates());
        if (FirstMemberRecord.recorded(ctx, files(ctx).get(0))) {
            return StepOutcome.converged(config.key() + " holds " + config.value() + " (written and read back; recorded in "
                    + RECORD + ")");
        }
        Etcdctl etcdctl = new Etcdctl(EtcdInstall.of(ctx.inventory(), ctx.osFamily()).etcdctl(), members.endpoints());
        return StepOutcome.of(List.of(RunCommand.of("write flannel network config " + config.key() + " = " + config.value()
                + " into etcd (v3 API) and read it back", script(etcdctl, config))), "");
    }

    static String script(Etcdctl etcdctl, FlannelNetworkConfig config) {
        String dir = RECORD.substring(0, RECORD.lastIndexOf('/'));
        return "key=" + Command.quote(config.key()) + "\n"
                + "want=" + Command.quote(config.value()) + "\n"
                + "have=$(" + etcdctl.prefix() + " get --print-value-only \"$key\")\n"
                + "if [ \"$have\" != \"$want\" ]; then\n"
                + "  " + etcdctl.prefix() + " put \"$key\" \"$want\" >/dev/null\n"
                + "fi\n"
                + "back=$(" + etcdctl.prefix() + " get --print-value-only \"$key\")\n"
                + "if [ \"$back\" != \"$want\" ]; then\n"
                + "  echo \"etcd holds '$back' at $key after the write, expected '$want'\" >&2\n"
                + "  exit 1\n"
                + "fi\n"
                + "mkdir -p " + Command.quote(dir) + "\n"
                + "printf '%s\\n' \"$want\" > " + Command.quote(RECORD + ".new") + "\n"
                + "chmod 0644 " + Command.quote(RECORD + ".new") + "\n"
                + "mv -f " + Command.quote(RECORD + ".new") + " " + Command.quote(RECORD) + "\n";
    }
}
