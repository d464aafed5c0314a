package dev.provisioner.facts;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The edges of facts: malformed lines (found by fuzzing), unit states, probe merging, the per-run cache. */
class FactsEdgesTest {
    private static final FactsQuery QUERY = FactsQuery.file("/etc/a", FileProbe.content());

    private static HostFacts parse(String... lines) {
        return FactsParser.parse("h", String.join("\n", lines) + "\nend\n", QUERY);
    }

    @Test
    void malformedLinesAreFactsExceptionsNamingTheHost() {
        assertThatThrownBy(() -> parse("file\t/etc/a\tpresent\tabc\t6x4:root:root"))
                .isInstanceOf(FactsException.class).hasMessage("h: malformed file metadata: file\t/etc/a\tpresent\tabc\t6x4:root:root")
                .satisfies(e -> assertThat(((FactsException) e).host()).isEqualTo("h"));
        assertThatThrownBy(() -> parse("file\t/etc/a\tpresent\tabc\t644:root"))
                .isInstanceOf(FactsException.class).hasMessageContaining("malformed file metadata");
        assertThatThrownBy(() -> parse("file\t/etc/a\tpresent\tabc\t644:root:root", "content\t/etc/a\t!!not base64!!"))
                .isInstanceOf(FactsException.class).hasMessage("h: malformed content of /etc/a (not Base64)");
        assertThatThrownBy(() -> parse("content\t/etc/a\taGk="))
                .isInstanceOf(FactsException.class).hasMessage("h: content before file line: /etc/a");
        assertThatThrownBy(() -> parse("pkg\tcurl")).isInstanceOf(FactsException.class).hasMessage("h: malformed facts line: pkg\tcurl");
        assertThatThrownBy(() -> parse("arch")).isInstanceOf(FactsException.class);
    }

    @Test
    void shortAndOddLinesParse() {
        HostFacts f = parse("os\trocky", "arch\taarch64", "pm\tDnf", "pkg\tcurl\t8", "file\t/etc/a\tpresent\tabc\t600:root:root",
                "content\t/etc/a", "unit\tetcd.service\tactive\tenabled");
        assertThat(f.osId()).isEqualTo("rocky");
        assertThat(f.osVersion()).isEmpty();
        assertThat(f.packageManager()).isEqualTo(PackageManager.DNF);
        assertThat(f.packageVersion("curl")).contains("8");
        assertThat(f.packageVersion("wget")).isEmpty();
        assertThat(f.file("/etc/a").content()).hasValueSatisfying(c -> assertThat(c).isEmpty());
        assertThat(f.file("/etc/a").mode()).isEqualTo(0600);
        assertThat(f.unit("etcd.service").isActive()).isTrue();
        assertThat(parse("os\tubuntu\t24.04\tdebian", "pm\tzypper").packageManager()).isEqualTo(PackageManager.UNKNOWN);
        assertThat(parse("os\tubuntu\t24.04\tdebian").osVersion()).isEqualTo("24.04");
        assertThat(parse("os\tubuntu\t24.04\tdebian").osFamily()).isEqualTo(OsFamily.DEBIAN);
        assertThat(parse("file\t/etc/a\tmissing").file("/etc/a").exists()).isFalse();
        String text = Base64.getEncoder().encodeToString("x\n".getBytes());
        assertThat(parse("file\t/etc/a\tpresent\tabc\t644:root:root", "content\t/etc/a\t " + text + " ").file("/etc/a").text())
                .contains("x\n");
    }

    @Test
    void unitStates() {
        assertThat(UnitState.unknown("u")).isEqualTo(new UnitState("u", "unknown", "not-found"));
        assertThat(UnitState.unknown("u").exists()).isFalse();
        assertThat(UnitState.unknown("u").isActive()).isFalse();
        assertThat(UnitState.unknown("u").isStopped()).isFalse();
        assertThat(new UnitState("u", "inactive", "disabled").isStopped()).isTrue();
        assertThat(new UnitState("u", "failed", "disabled").isStopped()).isTrue();
        assertThat(new UnitState("u", "activating", "disabled").isStopped()).isFalse();
        for (String enabled : new String[]{"enabled", "static", "alias", "generated", "enabled-runtime"}) {
            assertThat(new UnitState("u", "active", enabled).isEnabled()).as(enabled).isTrue();
        }
        for (String notEnabled : new String[]{"disabled", "masked", "not-found", "indirect"}) {
            assertThat(new UnitState("u", "active", notEnabled).isEnabled()).as(notEnabled).isFalse();
        }
    }

    @Test
    void probesMergeToTheStrongerOne() {
        FileProbe meta = FileProbe.metadata();
        FileProbe diffA = FileProbe.diffAgainst("a");
        FileProbe diffB = FileProbe.diffAgainst("b");
        assertThat(meta.merge(meta)).isEqualTo(meta);
        assertThat(meta.merge(diffA)).isEqualTo(diffA);
        assertThat(diffA.merge(meta)).isEqualTo(diffA);
        assertThat(diffA.merge(FileProbe.diffAgainst("a"))).isEqualTo(diffA);
        assertThat(diffA.merge(diffB)).isEqualTo(FileProbe.content());
        assertThat(meta.merge(FileProbe.content())).isEqualTo(FileProbe.content());
        assertThat(FileProbe.content().merge(meta)).isEqualTo(FileProbe.content());
        assertThat(new FileProbe(FileProbe.Detail.METADATA, null).expectedSha256()).isEmpty();
    }

    @Test
    void theCacheGathersOncePerHost() {
        FactsCache cache = new FactsCache();
        AtomicInteger gathered = new AtomicInteger();
        HostFacts facts = parse("os\tdebian\t12\tdebian");
        assertThat(cache.peek("h")).isEmpty();
        assertThat(cache.get("h", () -> {
            gathered.incrementAndGet();
            return facts;
        })).isSameAs(facts);
        assertThat(cache.get("h", () -> {
            throw new AssertionError("gathered twice");
        })).isSameAs(facts);
        assertThat(cache.peek("h")).containsSame(facts);
        assertThat(gathered).hasValue(1);
    }
}
