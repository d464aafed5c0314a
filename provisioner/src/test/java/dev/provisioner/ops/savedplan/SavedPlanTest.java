package dev.provisioner.ops.savedplan;

import dev.provisioner.facts.FileState;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.facts.OsFamily;
import dev.provisioner.facts.PackageManager;
import dev.provisioner.facts.UnitState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The saved-plan file format, the comparison and the facts gate, without hosts. */
class SavedPlanTest {
    @TempDir
    Path dir;

    private static HostFacts facts(String hostsSha, byte[] secretContent) {
        return new HostFacts("node01", "debian", "12", OsFamily.DEBIAN, PackageManager.APT, "x86_64",
                Map.of("containerd", "1.7.24"),
                Map.of("/etc/hosts", new FileState("/etc/hosts", true, hostsSha, 0644, "root", "root", Optional.empty()),
                        "/etc/k.key", new FileState("/etc/k.key", true, "abc", 0600, "root", "root", Optional.of(secretContent))),
                Map.of("containerd", new UnitState("containerd", "active", "enabled")));
    }

    private static SavedPlan plan(HostFacts f, List<String> actions) {
        SortedMap<String, SortedMap<String, String>> facts = new TreeMap<>(Map.of("node01", FactLines.of(f)));
        return new SavedPlan("sha256:1", new TreeMap<>(Map.of("built-in", "provisioner 0.2")),
                new TreeMap<>(Map.of("node01:/etc/k.key", "sha256:ff (sensitive)")), facts, new TreeMap<>(Map.of("node01", actions)));
    }

    @Test
    void roundTripsEscapedFieldsAndHoldsNoFileContent() {
        byte[] secret = "-----BEGIN PRIVATE KEY----- s3cr3t".getBytes(StandardCharsets.UTF_8);
        SavedPlan p = plan(facts("aa", secret), List.of("prepare-hosts / hosts / PutFile / write /etc/hosts\tx\nline \\ end"));
        Path file = dir.resolve("plan.txt");
        p.write(file);
        assertThat(SavedPlan.read(file)).isEqualTo(p);
        assertThat(file).content().doesNotContain("s3cr3t").contains("fact\tnode01\tfile /etc/hosts\tsha256:aa mode 644 root:root")
                .contains("unit containerd\tactive enabled");
    }

    @Test
    void differencesNameTheHostAndWhatChanged() {
        SavedPlan saved = plan(facts("aa", new byte[0]), List.of("a"));
        assertThat(SavedPlans.differences(saved, saved)).isEmpty();
        SavedPlan edited = plan(facts("bb", new byte[0]), List.of("a", "b"));
        assertThat(SavedPlans.differences(saved, edited)).containsExactly(
                "node01: the host changed since the plan was saved: file /etc/hosts: saved sha256:aa mode 644 root:root,"
                        + " now sha256:bb mode 644 root:root",
                "node01: the actions differ from the saved plan (saved only: none; now only: b)");
        SavedPlan otherInventory = new SavedPlan("sha256:2", saved.templates(), saved.desired(), saved.facts(), saved.actions());
        assertThat(SavedPlans.differences(saved, otherInventory)).singleElement().asString().contains("the inventory changed");
    }

    @Test
    void matchingGateRefusesOnlyAChangedHost() {
        SavedPlan saved = plan(facts("aa", new byte[0]), List.of());
        assertThat(SavedPlans.matching(saved).refusal("node01", facts("aa", new byte[0]))).isEmpty();
        assertThat(SavedPlans.matching(saved).refusal("node01", facts("cc", new byte[0]))).get().asString()
                .contains("file /etc/hosts").contains("nothing was changed");
    }

    @Test
    void aFileNotWrittenByPlanOutIsRefusedWithItsLine() throws Exception {
        Path file = Files.writeString(dir.resolve("p"), SavedPlan.HEADER + "\ninventory\tsha256:1\nfact\tnode01\tos\n");
        assertThatThrownBy(() -> SavedPlan.read(file)).hasMessageContaining(file + ":3: malformed record 'fact'");
        Path other = Files.writeString(dir.resolve("q"), "hello\n");
        assertThatThrownBy(() -> SavedPlan.read(other)).hasMessageContaining(other + ":1: not a saved plan");
    }
}
