package dev.provisioner.transport;

import dev.provisioner.Secret;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SudoWrapperTest {
    private static final String PASSWORD = "s3cret-sudo";

    private static Endpoint as(String user, Sudo sudo) {
        return new Endpoint("node", "10.0.0.1", 22, user, new Auth.Password(Secret.of("x")), sudo, null);
    }

    private static CommandResult result(int exit, String stderr) {
        return new CommandResult("node", "id -u", exit, new byte[0], stderr.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
    }

    @Test
    void rootAndUnprivilegedCommandsRunAsTheyAre() {
        Command c = Command.of("id", "-u").asRoot().withStdin("in");
        SudoWrapper.Prepared p = SudoWrapper.prepare(c, as("root", Sudo.withPassword(Secret.of(PASSWORD))));
        assertThat(p.line()).isEqualTo("id -u");
        assertThat(new String(p.stdin(), StandardCharsets.UTF_8)).isEqualTo("in");
        assertThat(SudoWrapper.prepare(Command.of("id"), as("deploy", Sudo.passwordless())).line()).isEqualTo("id");
    }

    @Test
    void passwordlessSudoUsesNonInteractiveMode() {
        SudoWrapper.Prepared p = SudoWrapper.prepare(Command.of("cat", "a b").asRoot().withStdin("x"), as("deploy", Sudo.passwordless()));
        assertThat(p.line()).isEqualTo("sudo -n -- sh -c 'cat '\\''a b'\\'''");
        assertThat(new String(p.stdin(), StandardCharsets.UTF_8)).isEqualTo("x");
    }

    @Test
    void thePasswordGoesToStdinNeverToTheLine() {
        SudoWrapper.Prepared p = SudoWrapper.prepare(Command.of("id", "-u").asRoot(), as("operator", Sudo.withPassword(Secret.of(PASSWORD))));
        assertThat(p.line()).startsWith("sudo -S -p ").contains(SudoWrapper.PROMPT).doesNotContain(PASSWORD)
                .contains("exec </dev/null");
        assertThat(new String(p.stdin(), StandardCharsets.UTF_8)).isEqualTo(PASSWORD + "\n");
    }

    @Test
    void ownStdinUnderASudoPasswordIsRefused() {
        assertThatThrownBy(() -> SudoWrapper.prepare(Command.of("cat").asRoot().withStdin("data"),
                as("operator", Sudo.withPassword(Secret.of(PASSWORD))))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sudoRefusalsBecomeSudoExceptionsWithoutRetry() {
        Command c = Command.of("id").asRoot();
        Endpoint op = as("operator", Sudo.withPassword(Secret.of(PASSWORD)));
        assertThatThrownBy(() -> SudoWrapper.check(result(1, SudoWrapper.PROMPT + "Sorry, try again.\n" + SudoWrapper.PROMPT
                + "sudo: no password was provided\nsudo: 1 incorrect password attempt\n"), c, op))
                .isInstanceOf(SudoException.class).hasMessageContaining("refused the password").hasMessageContaining("node");
        assertThatThrownBy(() -> SudoWrapper.check(result(1, "sudo: a password is required\n"), c, as("operator", Sudo.passwordless())))
                .isInstanceOf(SudoException.class).hasMessageContaining("needs a password");
        assertThatThrownBy(() -> SudoWrapper.check(result(1, "bob is not in the sudoers file.\n"), c, as("bob", Sudo.passwordless())))
                .isInstanceOf(SudoException.class).hasMessageContaining("may not use sudo");
    }

    @Test
    void thePromptIsRemovedAndOrdinaryFailuresStayData() {
        Command c = Command.of("false").asRoot();
        Endpoint op = as("operator", Sudo.withPassword(Secret.of(PASSWORD)));
        CommandResult r = SudoWrapper.check(result(3, SudoWrapper.PROMPT + "real error\n"), c, op);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stderr()).isEqualTo("real error\n");
        CommandResult untouched = result(1, "Sorry, try again.");
        assertThat(SudoWrapper.check(untouched, Command.of("x"), op)).isSameAs(untouched);
    }
}
