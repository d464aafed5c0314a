package dev.provisioner.cli;

import dev.provisioner.api.FailureKind;
import dev.provisioner.api.OperationReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.inventory.Inventory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code provisioner etcd}: day-2 operations on the running etcd cluster over SSH.
 * Subcommands: {@code snapshot}, {@code restore}, {@code member-remove}.
 */
@Command(name = "etcd", mixinStandardHelpOptions = true,
        header = "Back up, restore and shrink the cluster's etcd (over SSH, etcdctl with TLS on the members).",
        subcommands = {EtcdSnapshotCommand.class, EtcdRestoreCommand.class, EtcdMemberRemoveCommand.class})
public final class EtcdCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** One etcd operation through the facade: returns the exit code, printing to the command's streams. */
    @FunctionalInterface
    interface Operation {
        int run(Inventory inventory, Provisioner provisioner, PrintWriter out, PrintWriter err);
    }

    /**
     * Loads the inventory, opens the run log ({@code <state>/logs/<timestamp>-<command>.log}, which hears the
     * operation's events) and runs {@code op} on the facade. An invalid inventory or setup is thrown to the CLI's
     * one error path ({@link ErrorReporter}: every problem, exit code 2), after the log got its exit code; see
     * {@link #exitCode} for a failed operation.
     */
    static int call(CommandLine.Model.CommandSpec spec, ClusterStateOptions cluster, String command, Operation op) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Inventory inv = cluster.loadInventory();
        Path state = cluster.stateDirectory(inv);
        Optional<RunLog> log = RunLog.forOperation(state, command, inv, err);
        try {
            Provisioner.Builder b = Provisioner.builder().inventory(cluster.facadeInventory()).stateDirectory(state);
            log.ifPresent(b::listener);
            return RunLog.finish(log, op.run(inv, b.build(), out, err));
        } catch (RuntimeException e) {
            RunLog.finish(log, ErrorReporter.exitCode(e));
            throw e;
        }
    }

    /**
     * When the operation failed, prints why and returns the exit code its {@link FailureKind} maps to: 3 a host not
     * reached (unreachable, host key, authentication), 2 invalid input, 1 anything else (refused, failed); 0 when ok.
     */
    static int exitCode(OperationReport report, PrintWriter err) {
        if (report.ok()) {
            return ExitCodes.OK;
        }
        err.println("error: " + report.summary());
        List<FailureKind> kinds = report.failureKinds();
        if (kinds.stream().anyMatch(k -> k == FailureKind.UNREACHABLE || k == FailureKind.HOST_KEY || k == FailureKind.AUTH)) {
            return ExitCodes.UNREACHABLE;
        }
        return kinds.contains(FailureKind.INVALID_INPUT) ? ExitCodes.INVALID_INPUT : ExitCodes.ERROR;
    }
}
