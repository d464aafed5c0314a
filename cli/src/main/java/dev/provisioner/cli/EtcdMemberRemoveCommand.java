package dev.provisioner.cli;

import dev.provisioner.api.OperationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code provisioner etcd member-remove NAME}: remove a member through the surviving members. */
@Command(name = "member-remove", mixinStandardHelpOptions = true,
        header = "Remove etcd member NAME through the other members.",
        description = "NAME itself is never contacted, so it may be dead. Refuses (exit code 1) when the remaining members would not"
                + " have a healthy quorum, unless --force. A member that is already gone is reported and exits 0.")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT, ExitCode.UNREACHABLE})
public final class EtcdMemberRemoveCommand implements Callable<Integer> {
    @Mixin
    ClusterStateOptions cluster;

    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "NAME", description = "the member (host) name")
    String name;

    @Option(names = "--force", description = "remove even when the remaining members would lose quorum")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return EtcdCommand.call(spec, cluster, "etcd member-remove", (inv, p, out, err) -> {
            OperationReport r = p.etcdMemberRemove(name, force);
            if (r.ok()) {
                out.println(r.summary());
            }
            return EtcdCommand.exitCode(r, err);
        });
    }
}
