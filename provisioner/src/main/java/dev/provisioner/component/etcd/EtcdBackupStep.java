package dev.provisioner.component.etcd;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.FileProbe;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.inventory.EtcdBackup;
import dev.provisioner.step.Action;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.RestartOnChange;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.transport.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Scheduled etcd snapshots ({@code cluster.etcd.backup}, see {@link EtcdBackupFiles}): on the first etcd
 * member the script, service and timer are written and the timer enabled and running; on every other
 * member, or when the setting is gone, a timer left from before is disabled and its files removed (the
 * snapshots already taken stay). After an apply a plan is empty.
 */
final class EtcdBackupStep implements Step {
    @Override
    public String name() {
        return "etcd-backup";
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        return EtcdBackupFiles.on(ctx.inventory(), ctx.host()).map(b -> EtcdBackupFiles.all(ctx, b)).orElse(List.of());
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        Optional<EtcdBackup> backup = EtcdBackupFiles.on(ctx.inventory(), ctx.host());
        return backup.isPresent() ? Converge.query(files(ctx)).and(FactsQuery.units(EtcdBackupFiles.TIMER))
                : FactsQuery.file(EtcdBackupFiles.TIMER_PATH, FileProbe.metadata());
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        HostFacts facts = ctx.facts().orElseThrow();
        Optional<EtcdBackup> backup = EtcdBackupFiles.on(ctx.inventory(), ctx.host());
        if (backup.isEmpty()) {
            if (!facts.file(EtcdBackupFiles.TIMER_PATH).exists()) {
                return StepOutcome.converged("no scheduled etcd backups on this member");
            }
            return StepOutcome.of(List.of(RunCommand.of("disable " + EtcdBackupFiles.TIMER + " and remove its files"
                    + " (snapshots already taken stay)", removal())), "no scheduled etcd backups on this member");
        }
        List<Action> actions = new ArrayList<>();
        for (DesiredFile f : files(ctx)) {
            Converge.file(f, facts).ifPresent(actions::add);
        }
        Converge.unit(EtcdBackupFiles.TIMER, facts).ifPresent(actions::add);
        actions.add(new RestartOnChange(EtcdBackupFiles.TIMER, Set.of(EtcdBackupFiles.TIMER_PATH), Set.of()));
        EtcdBackup b = backup.get();
        return StepOutcome.of(actions, EtcdBackupFiles.TIMER + " takes etcd snapshots (" + b.schedule() + ") into " + b.dir()
                + ", keeping " + b.keep());
    }

    private static String removal() {
        return "systemctl disable --now " + EtcdBackupFiles.TIMER + " || true\n"
                + "rm -f -- " + Command.quote(EtcdBackupFiles.TIMER_PATH) + " " + Command.quote(EtcdBackupFiles.SERVICE_PATH)
                + " " + Command.quote(EtcdBackupFiles.SCRIPT) + "\n"
                + "systemctl daemon-reload\n";
    }
}
