package dev.provisioner.facts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FactsParserTest {
    private static final FactsQuery QUERY = new FactsQuery(Set.of("docker-registry", "curl"),
            Map.of("/etc/hosts", FileProbe.content(), "/etc/docker/registry/config.yml", FileProbe.diffAgainst("abc"),
                    "/etc/absent", FileProbe.metadata()),
            Set.of("docker-registry.service"));

    @Test
    void parsesEveryKindOfLine() {
        String hosts = Base64.getEncoder().encodeToString("127.0.0.1 localhost\n".getBytes(StandardCharsets.UTF_8));
        String out = String.join("\n",
                "os\tdebian\t12\t",
                "arch\tx86_64",
                "pm\tapt",
                "pkg\tcurl\t7.88.1-10+deb12u15",
                "file\t/etc/hosts\tpresent\tdeadbeef\t644:root:root",
                "content\t/etc/hosts\t" + hosts,
                "file\t/etc/docker/registry/config.yml\tpresent\tabc\t640:root:docker-registry",
                "file\t/etc/absent\tabsent",
                "unit\tdocker-registry.service\tinactive\tnot-found",
                "end", "");
        HostFacts f = FactsParser.parse("registry", out, QUERY);
        assertThat(f.osFamily()).isEqualTo(OsFamily.DEBIAN);
        assertThat(f.packageManager()).isEqualTo(PackageManager.APT);
        assertThat(f.installed("curl")).isTrue();
        assertThat(f.installed("docker-registry")).isFalse();
        assertThat(f.file("/etc/hosts").text()).contains("127.0.0.1 localhost\n");
        assertThat(f.file("/etc/hosts").mode()).isEqualTo(0644);
        assertThat(f.file("/etc/docker/registry/config.yml").group()).isEqualTo("docker-registry");
        assertThat(f.file("/etc/docker/registry/config.yml").content()).isEmpty();
        assertThat(f.file("/etc/absent").exists()).isFalse();
        assertThat(f.unit("docker-registry.service").exists()).isFalse();
        assertThat(f.unit("docker-registry.service").isActive()).isFalse();
    }

    @Test
    void truncatedOutputIsAnError() {
        assertThatThrownBy(() -> FactsParser.parse("h", "os\tdebian\t12\t\narch\tx86_64\n", QUERY))
                .isInstanceOf(FactsException.class).hasMessageContaining("h: ").hasMessageContaining("end marker");
    }

    @Test
    void osFamilies() {
        assertThat(OsFamily.of("ubuntu", "debian")).isEqualTo(OsFamily.DEBIAN);
        assertThat(OsFamily.of("rocky", "rhel centos fedora")).isEqualTo(OsFamily.RHEL);
        assertThat(OsFamily.of("alpine", "")).isEqualTo(OsFamily.OTHER);
    }

    @Test
    void queriesMergeToTheStrongerProbe() {
        FactsQuery a = FactsQuery.file("/x", FileProbe.metadata()).and(FactsQuery.packages("a"));
        FactsQuery b = FactsQuery.file("/x", FileProbe.diffAgainst("s")).and(FactsQuery.units("u"));
        FactsQuery m = a.and(b);
        assertThat(m.files().get("/x").detail()).isEqualTo(FileProbe.Detail.CONTENT_IF_DIFFERENT);
        assertThat(m.packages()).containsExactly("a");
        assertThat(m.units()).containsExactly("u");
        assertThat(m.and(FactsQuery.file("/x", FileProbe.content())).files().get("/x").detail()).isEqualTo(FileProbe.Detail.CONTENT);
    }

    @Test
    void queryRefusesShellSyntaxInNames() {
        assertThatThrownBy(() -> FactsQuery.packages("curl; rm -rf /")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FactsQuery.file("relative", FileProbe.metadata())).isInstanceOf(IllegalArgumentException.class);
    }
}
