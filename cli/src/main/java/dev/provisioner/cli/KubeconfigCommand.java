package dev.provisioner.cli;

import dev.provisioner.api.Kubeconfig;
import dev.provisioner.api.KubeconfigRequest;
import dev.provisioner.api.Provisioner;
import dev.provisioner.inventory.Inventory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code provisioner kubeconfig}: a short-lived kubeconfig for this machine, signed by the cluster CA. */
@Command(name = "kubeconfig", mixinStandardHelpOptions = true,
        header = "Write a short-lived kubeconfig for this machine, signed by the cluster CA (contacts no host).",
        description = "The client certificate is issued in memory for --user (default kubernetes-admin, in the group"
                + " kubeadm:cluster-admins, which the add-ons bind to cluster-admin) and expires after --ttl (default 24h):"
                + " a kubeconfig cannot be revoked, so it must not live long. The file is written 0600 from creation."
                + " The server is the first master's address on port 6443 unless --server names another (e.g. your load"
                + " balancer). No cluster CA in the state directory, or a file that cannot be written: exit code 1.")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT})
public final class KubeconfigCommand implements Callable<Integer> {
    @Mixin
    ClusterStateOptions cluster;

    @Mixin
    OutputOptions output;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "where to write it; - for standard output (default: <state>/kubeconfig)")
    String outputFile;

    @Option(names = "--user", paramLabel = "NAME", description = "the Kubernetes user name (default: kubernetes-admin)")
    String user;

    @Option(names = "--group", split = ",", paramLabel = "GROUP",
            description = "a Kubernetes group (repeatable; default with the default user: kubeadm:cluster-admins; none otherwise)")
    List<String> groups = new ArrayList<>();

    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "24h",
            description = "validity: a number with s, m, h or d (default: ${DEFAULT-VALUE}, at most 365d)")
    String ttl;

    @Option(names = "--server", paramLabel = "URL", description = "API server URL (default: https://<first master>:6443)")
    String server;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KubeconfigRequest request = request();
        return PkiCommandErrors.run(err, () -> {
            Inventory inv = cluster.loadInventory();
            Path state = cluster.stateDirectory(inv);
            Provisioner kubeconfig = Provisioner.builder().inventory(cluster.facadeInventory()).stateDirectory(state).build();
            if ("-".equals(outputFile)) {
                stdout.print(kubeconfig.kubeconfig(request, Optional.ofNullable(server)).text());
                stdout.flush();
                return ExitCodes.OK;
            }
            Path file = outputFile != null ? Path.of(outputFile) : state.resolve("kubeconfig");
            Kubeconfig r = kubeconfig.writeKubeconfig(request, Optional.ofNullable(server), file);
            stdout.printf("wrote %s (0600): user %s, server %s, valid until %s%n", file, r.user(), r.server(), r.notAfter());
            stdout.printf("  use it: export KUBECONFIG=%s%n", file.toAbsolutePath());
            return ExitCodes.OK;
        });
    }

    private KubeconfigRequest request() {
        try {
            Duration validity = Durations.parse(ttl);
            if (server != null && !server.matches("https://[^\\s/?#]+(/[^\\s]*)?")) {
                throw new IllegalArgumentException("--server must be an https:// URL, not '" + server + "'");
            }
            if (user == null) {
                return groups.isEmpty() ? KubeconfigRequest.admin(validity)
                        : new KubeconfigRequest(KubeconfigRequest.ADMIN_USER, groups, validity);
            }
            return new KubeconfigRequest(user, groups, validity);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
