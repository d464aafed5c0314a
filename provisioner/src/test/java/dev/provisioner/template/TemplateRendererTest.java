package dev.provisioner.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateRendererTest {
    @TempDir
    Path dir;

    private TemplateRenderer withTemplate(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return TemplateRenderer.create(Optional.of(dir));
    }

    @Test
    void undefinedValueIsAnErrorNamingTemplateAndLine() throws Exception {
        TemplateRenderer r = withTemplate("t/etcd.conf.ftl", "name: ${name}\nport: ${port}\nurl: ${clientUrl}\n");
        assertThatThrownBy(() -> r.render("t/etcd.conf.ftl", Map.of("name", "m", "port", 2379)))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageStartingWith("t/etcd.conf.ftl:3: ")
                .hasMessageContaining("clientUrl")
                .satisfies(e -> {
                    TemplateRenderException t = (TemplateRenderException) e;
                    assertThat(t.template()).isEqualTo("t/etcd.conf.ftl");
                    assertThat(t.line()).isEqualTo(3);
                });
    }

    @Test
    void syntaxErrorNamesTemplateAndLine() throws Exception {
        TemplateRenderer r = withTemplate("bad.ftl", "ok\n<#if x>\n");
        assertThatThrownBy(() -> r.render("bad.ftl", Map.of("x", true)))
                .isInstanceOf(TemplateRenderException.class).hasMessageStartingWith("bad.ftl:");
    }

    @Test
    void numbersNeverGetGroupingSeparators() throws Exception {
        TemplateRenderer r = withTemplate("n.ftl", "${port} ${big} ${ratio} ${flag} ${':' + port}");
        assertThat(r.render("n.ftl", Map.of("port", 2379, "big", 1234567L, "ratio", 0.5, "flag", true)))
                .isEqualTo("2379 1234567 0.5 true :2379");
    }

    @Test
    void overrideDirectoryWinsOverBuiltIn() throws Exception {
        String builtIn = TemplateRenderer.builtIn().render("registry/dropin.conf.ftl",
                Map.of("binary", "/usr/bin/registry", "configPath", "/etc/r.yml"));
        assertThat(builtIn).contains("ExecStart=/usr/bin/registry serve /etc/r.yml");
        TemplateRenderer r = withTemplate("registry/dropin.conf.ftl", "custom ${binary}\n");
        assertThat(r.render("registry/dropin.conf.ftl", Map.of("binary", "/b", "configPath", "/c"))).isEqualTo("custom /b\n");
        // Templates not overridden still come from the built-in set.
        assertThat(r.render("hosts/hosts-block.ftl", Map.of("cluster", "c", "hosts", List.of()))).contains("BEGIN provisioner");
    }

    @Test
    void renderingIsDeterministic() {
        TemplateRenderer a = TemplateRenderer.builtIn();
        TemplateRenderer b = TemplateRenderer.builtIn();
        Map<String, Object> model = Map.of("cluster", "c", "logLevel", "info", "storageDir", "/var/lib/r", "readOnly", true,
                "addr", "10.4.4.8:15000", "pushAddr", "10.4.4.8:15001", "service", "registry");
        String first = a.render("registry/config.yml.ftl", model);
        assertThat(b.render("registry/config.yml.ftl", model)).isEqualTo(first);
        assertThat(a.render("registry/config.yml.ftl", model)).isEqualTo(first);
        assertThat(first).contains("addr: \"10.4.4.8:15000\"");
    }

    @Test
    void escapingHelpersQuoteForEachSyntax() throws Exception {
        TemplateRenderer r = withTemplate("e.ftl", "${yaml(v)}|${sh(v)}|${json(v)}");
        assertThat(r.render("e.ftl", Map.of("v", "a\"b'c\n")))
                .isEqualTo("\"a\\\"b'c\\n\"|'a\"b'\\''c\n'|\"a\\\"b'c\\n\"");
    }

    @Test
    void xmlTemplatesAutoEscapeOthersDoNot() throws Exception {
        withTemplate("x.xml.ftl", "<a>${v}</a>");
        TemplateRenderer r = withTemplate("x.conf.ftl", "${v}");
        assertThat(r.render("x.xml.ftl", Map.of("v", "<&>"))).isEqualTo("<a>&lt;&amp;&gt;</a>");
        assertThat(r.render("x.conf.ftl", Map.of("v", "<&>"))).isEqualTo("<&>");
    }

    @Test
    void missingTemplateAndMissingDirectoryAreClearErrors() {
        assertThatThrownBy(() -> TemplateRenderer.builtIn().render("nope/none.ftl", Map.of()))
                .isInstanceOf(TemplateRenderException.class).hasMessageContaining("nope/none.ftl").hasMessageContaining("no such template");
        assertThatThrownBy(() -> TemplateRenderer.create(Optional.of(dir.resolve("absent"))))
                .isInstanceOf(TemplateRenderException.class).hasMessageContaining("does not exist");
    }
}
