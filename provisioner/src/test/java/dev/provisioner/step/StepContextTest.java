package dev.provisioner.step;

import dev.provisioner.facts.HostFacts;
import dev.provisioner.facts.OsFamily;
import dev.provisioner.facts.PackageManager;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.template.TemplateRenderer;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a step sees of a host: the OS family falls back to Debian without facts (render) or on an unknown OS. */
class StepContextTest {
    private final Inventory inventory = EngineFixtures.inventory();

    @Test
    void theOsFamilyComesFromTheFactsAndIsDebianWithoutThem() {
        assertThat(EngineFixtures.context(inventory, "master", null).osFamily()).isEqualTo(OsFamily.DEBIAN);
        assertThat(EngineFixtures.context(inventory, "master", EngineFixtures.rocky("master").build()).osFamily()).isEqualTo(OsFamily.RHEL);
        StepContext other = EngineFixtures.context(inventory, "master", null)
                .withFacts(new HostFacts("master", "arch", "1", OsFamily.OTHER, PackageManager.UNKNOWN, "x86_64", Map.of(), Map.of(), Map.of(), Map.of()));
        assertThat(other.osFamily()).isEqualTo(OsFamily.DEBIAN);
    }

    @Test
    void withFactsKeepsEverythingElse() {
        StepContext bare = EngineFixtures.context(inventory, "node01", null);
        assertThat(bare.facts()).isEmpty();
        StepContext known = bare.withFacts(EngineFixtures.rocky("node01").build());
        assertThat(known.facts()).hasValueSatisfying(f -> assertThat(f.osId()).isEqualTo("rocky"));
        assertThat(known.host()).isEqualTo(bare.host());
        assertThat(known.inventory()).isSameAs(inventory);
        assertThat(known.templates()).isSameAs(bare.templates());
    }

    @Test
    void inventoryHostAndTemplatesAreRequired() {
        var host = inventory.host("master").orElseThrow();
        assertThatThrownBy(() -> new StepContext(null, host, TemplateRenderer.builtIn(), Optional.empty())).hasMessage("inventory");
        assertThatThrownBy(() -> new StepContext(inventory, null, TemplateRenderer.builtIn(), Optional.empty())).hasMessage("host");
        assertThatThrownBy(() -> new StepContext(inventory, host, null, Optional.empty())).hasMessage("templates");
    }
}
