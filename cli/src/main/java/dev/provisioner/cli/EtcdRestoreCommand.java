package dev.provisioner.cli;

import dev.provisioner.operation.OperationSettings;
import dev.provisioner.ops.etcd.EtcdRestore;
import dev.provisioner.ops.etcd.RestoreResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code provisioner etcd restore FILE}: every etcd member of the inventory rebuilt from one snapshot. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore the etcd cluster from a snapshot: check FILE (against the SHA256SUMS of its backup directory),",
                "reach every member, stop etcd on all of them, build each member's data directory from the snapshot",
                "(etcdutl snapshot restore; etcdctl on etcd 3.4), keeping the old one as /var/lib/etcd.before-restore-<UTC timestamp>,",
                "start all members and wait until each answers healthy. Everything written since the snapshot is lost."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every member is restored and healthy", "1:FILE does not match its manifest (nothing changed), or the restore failed (the message names the member)",
                "2:the inventory is invalid or --yes is missing",
                "3:a member could not be reached over SSH"})
public final class EtcdRestoreCommand implements Callable<Integer> {
    @Mixin
    ClusterStateOptions cluster;

    @Parameters(index = "0", paramLabel = "FILE", description = "the snapshot (etcd-snapshot.db of a backup directory)")
    Path file;

    @Option(names = "--yes", description = "really replace the data of every etcd member")
    boolean yes;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return EtcdCommand.call(spec, cluster, (inv, out, err) -> {
            if (!yes) {
                err.println("error: restoring replaces the etcd data of every member of " + inv.cluster().name()
                        + " with " + file + "; pass --yes to proceed");
                return ExitCodes.INVALID_INPUT;
            }
            RestoreResult r = EtcdRestore.of(OperationSettings.of(inv).start("etcd restore", true)).restore(file);
            out.printf("etcd restored from %s on %s; previous data kept in %s on each member%n", file,
                    String.join(", ", r.members()), r.asideDir());
            return ExitCodes.OK;
        });
    }
}
