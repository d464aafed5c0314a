package dev.provisioner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An exception that escapes a command is printed with the inventory's secrets masked, in its message
 * and (with {@code --debug}) in the whole stack trace, causes included: a library may put anything
 * into a cause's message.
 */
class ErrorReporterMaskingTest {

    @Test
    void masksTheInventorysSecretsInTheMessageAndTheStackTrace(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sudo-password"), "Sudo-Secret-4711\n");
        Path inventory = dir.resolve("inv.yaml");
        Files.writeString(inventory, """
                hosts:
                  - name: master
                    address: 10.4.4.4
                    user: ops
                    auth:
                      keyFile: /keys/id_ed25519
                      passphrase: Passphrase-Secret-0815
                    sudoPassword: ${file:sudo-password}
                    roles: [master, node]
                cluster:
                  name: demo
                  registry:
                    enabled: false
                """);
        RuntimeException thrown = new IllegalStateException("step failed for Sudo-Secret-4711",
                new RuntimeException("library said: bad key Passphrase-Secret-0815"));

        String plain = report(thrown, "plan", "-i", inventory.toString());
        assertThat(plain).isEqualTo("error: step failed for ******\n");

        String debug = report(thrown, "plan", "-i", inventory.toString(), "--debug");
        assertThat(debug).startsWith("error: step failed for ******\n").contains("java.lang.IllegalStateException: step failed for ******")
                .contains("Caused by: java.lang.RuntimeException: library said: bad key ******")
                .contains("at dev.provisioner.cli.ErrorReporterMaskingTest")
                .doesNotContain("Sudo-Secret-4711").doesNotContain("Passphrase-Secret-0815");
    }

    @Test
    void withoutAnInventoryTheMessageIsPrintedAsItIs() {
        assertThat(report(new IllegalStateException("no inventory here"), "lab", "status"))
                .isEqualTo("error: no inventory here\n");
    }

    private static String report(RuntimeException thrown, String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        CommandLine.ParseResult parsed = cl.parseArgs(args);
        int code = new ErrorReporter().handleExecutionException(thrown, cl, parsed);
        assertThat(code).isEqualTo(ExitCodes.ERROR);
        return err.toString();
    }
}
