package dev.provisioner.step;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.FileProbe;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.facts.PackageManager;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparisons of desired files, packages and units against a host's facts, and the reasons and diffs they give. */
class ConvergeTest {
    private static final DesiredFile WANT = DesiredFile.text("/etc/a.conf", "one\ntwo\n");

    private static Optional<PutFile> against(EngineFixtures.Facts facts, DesiredFile want) {
        return Converge.file(want, facts.build());
    }

    @Test
    void aFileAsDesiredNeedsNothing() {
        assertThat(against(EngineFixtures.debian("h").file(WANT), WANT)).isEmpty();
        assertThat(against(EngineFixtures.debian("h").file("/etc/a.conf", "one\ntwo\n", 0644, "root", "root"), WANT)).isEmpty();
    }

    @Test
    void anAbsentFileIsWrittenWithADiffFromDevNull() {
        PutFile put = against(EngineFixtures.debian("h"), WANT).orElseThrow();
        assertThat(put.reasons()).containsExactly("absent");
        assertThat(put.diff()).startsWith("--- /dev/null\n+++ /etc/a.conf\n").contains("+one\n+two\n");
        assertThat(put.file()).isEqualTo(WANT);
    }

    @Test
    void changedContentShowsTheDiffFromWhatTheHostHas() {
        PutFile put = against(EngineFixtures.debian("h").file("/etc/a.conf", "one\nTWO\n", 0644, "root", "root"), WANT).orElseThrow();
        assertThat(put.reasons()).containsExactly("content differs");
        assertThat(put.diff()).startsWith("--- /etc/a.conf\n+++ /etc/a.conf\n").contains("-TWO\n+two\n");
    }

    @Test
    void onlyModeOrOwnerDifferingHasNoDiff() {
        PutFile mode = against(EngineFixtures.debian("h").file("/etc/a.conf", "one\ntwo\n", 0600, "root", "root"), WANT).orElseThrow();
        assertThat(mode.reasons()).containsExactly("mode 0600 -> 0644");
        assertThat(mode.diff()).isEmpty();
        PutFile owner = against(EngineFixtures.debian("h").file("/etc/a.conf", "one\ntwo\n", 0644, "etcd", "root"), WANT).orElseThrow();
        assertThat(owner.reasons()).containsExactly("owner etcd:root -> root:root");
        PutFile group = against(EngineFixtures.debian("h").file("/etc/a.conf", "one\ntwo\n", 0644, "root", "etcd"), WANT).orElseThrow();
        assertThat(group.reasons()).containsExactly("owner root:etcd -> root:root");
        PutFile all = against(EngineFixtures.debian("h").file("/etc/a.conf", "x\n", 0600, "etcd", "etcd"), WANT).orElseThrow();
        assertThat(all.reasons()).containsExactly("content differs", "mode 0600 -> 0644", "owner etcd:etcd -> root:root");
    }

    @Test
    void aSensitiveFileNeverShowsItsContent() {
        DesiredFile key = DesiredFile.text("/etc/k.key", "secret-new\n").withMode(0600).asSensitive();
        PutFile put = against(EngineFixtures.debian("h").file("/etc/k.key", "secret-old\n", 0600, "root", "root"), key).orElseThrow();
        assertThat(put.reasons()).containsExactly("content differs");
        assertThat(put.diff()).isEmpty();
        assertThat(against(EngineFixtures.debian("h"), key).orElseThrow().diff()).isEmpty();
    }

    @Test
    void theQueryAsksForContentOnlyOfFilesThatAreNotSensitive() {
        DesiredFile key = DesiredFile.text("/etc/k.key", "s\n").asSensitive();
        FactsQuery q = Converge.query(List.of(WANT, key));
        assertThat(q.files()).containsEntry("/etc/a.conf", FileProbe.diffAgainst(WANT.sha256()))
                .containsEntry("/etc/k.key", FileProbe.metadata()).hasSize(2);
        assertThat(Converge.query(List.of())).isEqualTo(FactsQuery.EMPTY);
    }

    @Test
    void onlyMissingPackagesAreInstalledWithTheHostsManager() {
        HostFacts facts = EngineFixtures.debian("h").pkg("curl", "8").build();
        InstallPackages install = Converge.packages(List.of("curl", "etcd-server", "etcd-client"), facts).orElseThrow();
        assertThat(install.packages()).containsExactly("etcd-server", "etcd-client");
        assertThat(install.manager()).isEqualTo(PackageManager.APT);
        assertThat(Converge.packages(List.of("curl"), facts)).isEmpty();
        assertThat(Converge.packages(List.of(), facts)).isEmpty();
    }

    @Test
    void aUnitIsEnabledAndOrStartedOnlyAsFarAsNeeded() {
        assertThat(Converge.unit("etcd.service", EngineFixtures.debian("h").unit("etcd.service", "active", "enabled").build())).isEmpty();
        assertThat(Converge.unit("etcd.service", EngineFixtures.debian("h").unit("etcd.service", "inactive", "enabled").build()))
                .contains(new EnsureUnit("etcd.service", false, true));
        assertThat(Converge.unit("etcd.service", EngineFixtures.debian("h").unit("etcd.service", "active", "disabled").build()))
                .contains(new EnsureUnit("etcd.service", true, false));
        assertThat(Converge.unit("etcd.service", EngineFixtures.debian("h").build()))
                .contains(new EnsureUnit("etcd.service", true, true));
    }
}
