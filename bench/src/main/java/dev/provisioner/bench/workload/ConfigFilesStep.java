package dev.provisioner.bench.workload;

import dev.provisioner.step.Action;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The six rendered config files (templates in bench/templates/bench). */
final class ConfigFilesStep implements Step {
    /** Destination path by template name. */
    static final Map<String, String> FILES = files();
    private final WorkloadValues values;

    ConfigFilesStep(WorkloadValues values) {
        this.values = values;
    }

    private static Map<String, String> files() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("bench/a.env.ftl", "/etc/bench/a.env");
        m.put("bench/b.env.ftl", "/etc/bench/b.env");
        m.put("bench/app.yaml.ftl", "/etc/bench/app.yaml");
        m.put("bench/app.json.ftl", "/etc/bench/app.json");
        m.put("bench/logrotate.ftl", "/etc/logrotate.d/bench");
        m.put("bench/sysctl.conf.ftl", "/etc/sysctl.d/90-bench.conf");
        return m;
    }

    @Override
    public String name() {
        return "bench-config";
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        Map<String, Object> model = Model.of(ctx, values);
        List<DesiredFile> out = new ArrayList<>();
        FILES.forEach((template, path) -> out.add(DesiredFile.text(path, ctx.templates().render(template, model))));
        return out;
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        List<Action> actions = new ArrayList<>();
        files(ctx).forEach(f -> Converge.file(f, ctx.facts().orElseThrow()).ifPresent(actions::add));
        return StepOutcome.of(actions, FILES.size() + " config files up to date");
    }
}
