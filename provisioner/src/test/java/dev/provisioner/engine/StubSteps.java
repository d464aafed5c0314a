package dev.provisioner.engine;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.step.Action;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.RestartOnChange;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.step.WaitHealthy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Minimal steps for executor tests. */
final class StubSteps {
    private StubSteps() {
    }

    /** Manages one file. */
    static Step file(String name, DesiredFile file) {
        return new Step() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<DesiredFile> files(StepContext ctx) {
                return List.of(file);
            }

            @Override
            public StepOutcome plan(StepContext ctx) {
                List<Action> out = new ArrayList<>();
                Converge.file(file, ctx.facts().orElseThrow()).ifPresent(out::add);
                return StepOutcome.of(out, file.path() + " is up to date");
            }
        };
    }

    /** A service: restart when a watched path changed, then probe. */
    static Step service(String name, String unit, String... watched) {
        return new Step() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public StepOutcome plan(StepContext ctx) {
                return StepOutcome.of(List.of(new RestartOnChange(unit, Set.of(watched), Set.of()),
                        new WaitHealthy(unit + " answers", "true", Duration.ofSeconds(5))), unit + " is running");
            }
        };
    }

    /**
     * A service that must be enabled and running: enable/start it when it is not, restart it when a watched
     * path or package changed, then probe.
     */
    static Step runningService(String name, String unit, Set<String> packages, String... watched) {
        return new Step() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public FactsQuery facts(StepContext ctx) {
                return FactsQuery.units(unit).and(FactsQuery.packages(packages.toArray(String[]::new)));
            }

            @Override
            public StepOutcome plan(StepContext ctx) {
                List<Action> out = new ArrayList<>();
                Converge.packages(List.copyOf(packages), ctx.facts().orElseThrow()).ifPresent(out::add);
                Converge.unit(unit, ctx.facts().orElseThrow()).ifPresent(out::add);
                out.add(new RestartOnChange(unit, Set.of(watched), packages));
                out.add(new WaitHealthy(unit + " answers", "true", Duration.ofSeconds(5)));
                return StepOutcome.of(out, unit + " is running");
            }
        };
    }

    /** Always runs a command. */
    static Step command(String name, String script) {
        return new Step() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public StepOutcome plan(StepContext ctx) {
                return StepOutcome.of(List.of(RunCommand.of(name, script)), "");
            }
        };
    }

    /** Fails to compute its actions (a template error, say). */
    static Step broken(String name) {
        return new Step() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public StepOutcome plan(StepContext ctx) {
                throw new IllegalStateException("template x.ftl:3: undefined value: y");
            }
        };
    }
}
