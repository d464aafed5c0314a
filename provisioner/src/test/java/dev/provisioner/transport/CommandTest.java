package dev.provisioner.transport;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CommandTest {

    @Test
    void safeWordsStayBareEverythingElseIsSingleQuoted() {
        assertThat(Command.quote("systemctl")).isEqualTo("systemctl");
        assertThat(Command.quote("/etc/etcd/etcd.conf")).isEqualTo("/etc/etcd/etcd.conf");
        assertThat(Command.quote("--name=etcd-1")).isEqualTo("--name=etcd-1");
        assertThat(Command.quote("")).isEqualTo("''");
        assertThat(Command.quote("a b")).isEqualTo("'a b'");
        assertThat(Command.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(Command.quote("$(reboot)")).isEqualTo("'$(reboot)'");
        assertThat(Command.quote("*")).isEqualTo("'*'");
    }

    @Test
    void ofQuotesProgramAndArgumentsAndBuilderKeepsRawFragments() {
        Command c = Command.of("echo", "a b", "c");
        assertThat(c.line()).isEqualTo("echo 'a b' c");
        assertThat(c.root()).isFalse();
        assertThat(c.stdin()).isEmpty();
        Command piped = Command.builder("cat").arg("/etc/hosts").raw("|").arg("grep").arg("x y").build();
        assertThat(piped.line()).isEqualTo("cat /etc/hosts | grep 'x y'");
    }

    @Test
    void modifiersKeepTheRest() {
        Command c = Command.of("id").asRoot().withStdin("in").withTimeout(Duration.ofSeconds(3));
        assertThat(c.line()).isEqualTo("id");
        assertThat(c.root()).isTrue();
        assertThat(new String(c.stdin(), StandardCharsets.UTF_8)).isEqualTo("in");
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.toString()).isEqualTo("id");
        Command built = Command.builder("id").asRoot().timeout(Duration.ofSeconds(1)).build();
        assertThat(built.root()).isTrue();
        assertThat(built.timeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anyArgumentSurvivesARealPosixShellVerbatim() throws Exception {
        Random random = new Random(1234);
        List<String> words = new ArrayList<>(List.of("'", "''", "\\'", "\"'\"", "$(id)", "`id`", "${HOME}", "a\nb",
                "-e", "--", "!", "#comment", "~root", "x;y", "a|b", "a&b", "<in", ">out", "ü€😀", " leading", "trailing "));
        String alphabet = "abc '\"\\$`!#&|;<>(){}[]*?~\n\t=%+,.:/@^-_ü";
        for (int i = 0; i < 40; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            words.add(sb.toString());
        }
        for (String word : words) {
            assertThat(sh(Command.of("printf", "%s", word).line())).as("[%s]", word).isEqualTo(word);
        }
    }

    private static String sh(String line) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-c", line).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
