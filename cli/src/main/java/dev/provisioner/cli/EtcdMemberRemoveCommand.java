package dev.provisioner.cli;

import dev.provisioner.operation.OperationSettings;
import dev.provisioner.ops.etcd.EtcdMembership;
import dev.provisioner.ops.etcd.MemberRemoval;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code provisioner etcd member-remove NAME}: remove a member through the surviving members. */
@Command(name = "member-remove", mixinStandardHelpOptions = true,
        description = {"Remove etcd member NAME, asking the other members of the inventory (NAME itself is never contacted,",
                "so it may be dead). Refuses when the remaining members would not have a healthy quorum, unless --force.",
                "A member that is already gone is reported and exits 0."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the member is removed (or was already gone)", "1:refused or failed (the message says why)",
                "2:the inventory is invalid or an option is wrong",
                "3:a member could not be reached over SSH"})
public final class EtcdMemberRemoveCommand implements Callable<Integer> {
    @Mixin
    ClusterStateOptions cluster;

    @Parameters(index = "0", paramLabel = "NAME", description = "the member (host) name")
    String name;

    @Option(names = "--force", description = "remove even when the remaining members would lose quorum")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return EtcdCommand.call(spec, cluster, (inv, out, err) -> {
            MemberRemoval r = EtcdMembership.of(OperationSettings.of(inv).start("etcd member remove", true)).remove(name, force);
            out.println(r.message());
            return ExitCodes.OK;
        });
    }
}
