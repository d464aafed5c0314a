package dev.provisioner.engine;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.Phase;
import dev.provisioner.step.Plan;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.template.TemplateRenderer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every file a plan would write, per host, computed without contacting any host (files whose content
 * merges with what is on the host, such as /etc/hosts, are rendered as if the host's file were empty).
 */
public final class PlanRenderer {
    private PlanRenderer() {
    }

    /** Host name to its files, in plan order; a path written by two steps keeps the later content. */
    public static Map<String, List<DesiredFile>> render(Plan plan, Inventory inventory, TemplateRenderer templates,
                                                        Set<String> limitHosts) {
        Map<String, Map<String, DesiredFile>> byHost = new LinkedHashMap<>();
        for (Phase phase : plan.phases()) {
            for (Host h : phase.selectHosts(inventory)) {
                if (!limitHosts.isEmpty() && !limitHosts.contains(h.name())) {
                    continue;
                }
                StepContext ctx = new StepContext(inventory, h, templates, Optional.empty());
                for (Step step : phase.steps()) {
                    step.files(ctx).forEach(f -> byHost.computeIfAbsent(h.name(), k -> new LinkedHashMap<>()).put(f.path(), f));
                }
            }
        }
        Map<String, List<DesiredFile>> out = new LinkedHashMap<>();
        byHost.forEach((h, files) -> out.put(h, new ArrayList<>(files.values())));
        return out;
    }
}
