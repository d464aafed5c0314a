package dev.provisioner.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Registering only the subcommand a command line names changes nothing the user sees. */
class SubcommandsTest {

    @Test
    void aCommandLineNeedsTheSubcommandItNamesNoneForVersionAndAllForHelpOrUnknownNames() {
        assertThat(Subcommands.neededBy(new String[] {"apply", "-i", "x.yaml"})).containsExactly("apply");
        assertThat(Subcommands.neededBy(new String[] {"remove-node", "node03"})).containsExactly("remove-node");
        assertThat(Subcommands.neededBy(new String[] {"--version"})).isEmpty();
        assertThat(Subcommands.neededBy(new String[] {"-V"})).isEmpty();
        assertThat(Subcommands.neededBy(new String[] {})).isEqualTo(Subcommands.names());
        assertThat(Subcommands.neededBy(new String[] {"--help"})).isEqualTo(Subcommands.names());
        assertThat(Subcommands.neededBy(new String[] {"help", "apply"})).isEqualTo(Subcommands.names());
        assertThat(Subcommands.neededBy(new String[] {"frobnicate"})).isEqualTo(Subcommands.names());
        assertThat(Subcommands.names()).containsExactly("validate", "render", "plan", "apply", "certs", "kubeconfig", "lab", "run",
                "init", "check", "cis", "upgrade", "reset", "etcd", "remove-node", "bundle", "help");
    }

    @Test
    void outputAndExitCodeAreTheSameAsWithEverySubcommandRegistered() {
        for (List<String> args : List.<List<String>>of(List.of("--version"), List.of("--help"), List.of(), List.of("help", "apply"),
                List.of("apply", "--help"), List.of("certs", "issue", "--help"), List.of("lab", "up", "--help"),
                List.of("etcd", "snapshot", "--help"), List.of("frobnicate"), List.of("validate"),
                List.of("run", "--bogus", "-i", "x.yaml", "--", "true"), List.of("--version", "apply"))) {
            String[] a = args.toArray(String[]::new);
            assertThat(run(Main.commandLine(Subcommands.neededBy(a)), a)).as("%s", args)
                    .isEqualTo(run(Main.commandLine(), a));
        }
    }

    private static String run(picocli.CommandLine cl, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return code + "\n--out--\n" + out + "\n--err--\n" + err;
    }
}
