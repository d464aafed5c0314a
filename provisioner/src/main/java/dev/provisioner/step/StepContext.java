package dev.provisioner.step;

import dev.provisioner.facts.HostFacts;
import dev.provisioner.facts.OsFamily;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.template.TemplateRenderer;

import java.util.Objects;
import java.util.Optional;

/**
 * What a step sees when it works out one host: the whole inventory (desired state), the host,
 * the templates, and the host's facts when they are known ({@code render} works without them).
 */
public record StepContext(Inventory inventory, Host host, TemplateRenderer templates, Optional<HostFacts> facts) {
    public StepContext {
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(templates, "templates");
        facts = facts == null ? Optional.empty() : facts;
    }

    /** The OS family from the facts; Debian when rendering without facts. */
    public OsFamily osFamily() {
        return facts.map(HostFacts::osFamily).filter(f -> f != OsFamily.OTHER).orElse(OsFamily.DEBIAN);
    }

    public StepContext withFacts(HostFacts hostFacts) {
        return new StepContext(inventory, host, templates, Optional.of(hostFacts));
    }
}
