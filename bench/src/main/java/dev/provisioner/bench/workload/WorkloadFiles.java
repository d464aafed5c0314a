package dev.provisioner.bench.workload;

import dev.provisioner.api.BenchEngineHooks;
import dev.provisioner.api.RenderedFile;
import dev.provisioner.inventory.Inventory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workload's files as the provisioner renders them (the facade's render, no host contacted): what the
 * expert script gets, so it writes the same bytes as our run.
 */
public final class WorkloadFiles {
    private WorkloadFiles() {
    }

    /** Every rendered file of {@code inventory}'s hosts. */
    public static List<RenderedFile> rendered(Inventory inventory, Path templates, Path state, WorkloadValues values,
                                              boolean withPackage) {
        return BenchEngineHooks.builder(inventory, standard -> Workload.plan(values, withPackage), Optional.empty())
                .templatesDir(templates)
                .stateDirectory(state)
                .build()
                .render()
                .files();
    }

    /** Host name -> path -> content (UTF-8 text). */
    public static Map<String, Map<String, String>> byHost(Inventory inventory, Path templates, Path state,
                                                          WorkloadValues values, boolean withPackage) {
        Map<String, Map<String, String>> byHost = new LinkedHashMap<>();
        rendered(inventory, templates, state, values, withPackage)
                .forEach(f -> byHost.computeIfAbsent(f.host(), h -> new LinkedHashMap<>()).put(f.path(), f.text()));
        return byHost;
    }
}
