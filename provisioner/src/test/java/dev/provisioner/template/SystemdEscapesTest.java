package dev.provisioner.template;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** systemd escaping (systemd.syntax(7), systemd.service(5) "Command lines", systemd.exec(5) EnvironmentFile=). */
class SystemdEscapesTest {
    @Test
    void plainValuesAreWrittenUnchanged() {
        for (String v : new String[]{"/usr/local/bin/kube-apiserver", "https://10.0.0.1:2379,https://127.0.0.1:2379",
                "--iface=eth0", "node-1.example.com", "TLS_AES_128_GCM_SHA256,TLS_AES_256_GCM_SHA384", "a=b@c+d", "https://[fd00::3]:2379"}) {
            assertThat(SystemdEscapes.exec(v)).isEqualTo(v);
            assertThat(SystemdEscapes.unit(v)).isEqualTo(v);
            assertThat(SystemdEscapes.env(v)).isEqualTo(v);
            assertThat(SystemdEscapes.line(v)).isEqualTo(v);
        }
    }

    @Test
    void execWordsEscapeSpecifiersVariablesAndQuoteWhatWouldSplitTheWord() {
        assertThat(SystemdEscapes.exec("50%")).isEqualTo("50%%");
        assertThat(SystemdEscapes.exec("$HOME")).isEqualTo("$$HOME");
        assertThat(SystemdEscapes.exec("/srv/my data")).isEqualTo("\"/srv/my data\"");
        assertThat(SystemdEscapes.exec("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(SystemdEscapes.exec("it's")).isEqualTo("\"it's\"");
        assertThat(SystemdEscapes.exec(";")).isEqualTo("\";\"");
        assertThat(SystemdEscapes.exec("")).isEqualTo("\"\"");
        assertThat(SystemdEscapes.exec("x\ny\u0001")).isEqualTo("\"x\\ny\\x01\"");
        assertThat(SystemdEscapes.exec("100% of $x y")).isEqualTo("\"100%% of $$x y\"");
    }

    @Test
    void unitValuesEscapeSpecifiersAndRefuseLineBreaks() {
        assertThat(SystemdEscapes.unit("member %n 50%")).isEqualTo("member %%n 50%%");
        assertThatThrownBy(() -> SystemdEscapes.unit("x\nExecStartPre=/bin/evil"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x0a").hasMessageContaining("unit file");
        assertThatThrownBy(() -> SystemdEscapes.line("x\r")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void environmentFileValuesAreQuotedForSystemdAndShellAlike() {
        assertThat(SystemdEscapes.env("--a=1 --b=2")).isEqualTo("\"--a=1 --b=2\"");
        assertThat(SystemdEscapes.env("50%")).isEqualTo("\"50%\"");
        assertThat(SystemdEscapes.env("a\"b\\c$d`e")).isEqualTo("\"a\\\"b\\\\c\\$d\\`e\"");
        assertThat(SystemdEscapes.env("")).isEqualTo("\"\"");
        assertThatThrownBy(() -> SystemdEscapes.env("a\nB=evil")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHelpersAreTemplateFunctionsAndALineBreakFailsTheRenderNamingTheTemplate() throws Exception {
        Path dir = Files.createTempDirectory("systemd-escapes");
        Files.writeString(dir.resolve("t.service.ftl"), "Description=${unit(d)}\nExecStart=${exec(b)} ${exec(a)}\nX=${env(e)}\n# ${line(c)}\n");
        TemplateRenderer r = TemplateRenderer.create(Optional.of(dir));
        assertThat(r.render("t.service.ftl", Map.of("d", "50%", "b", "/bin/x", "a", "a b", "e", "$y", "c", "ok")))
                .isEqualTo("Description=50%%\nExecStart=/bin/x \"a b\"\nX=\"\\$y\"\n# ok\n");
        assertThatThrownBy(() -> r.render("t.service.ftl", Map.of("d", "x\nExecStartPre=/bin/evil", "b", "/bin/x", "a", "a",
                "e", "e", "c", "c")))
                .isInstanceOf(TemplateRenderException.class).hasMessageContaining("t.service.ftl");
    }
}
