package dev.provisioner.cis;

/**
 * Decides a {@link Rule.TestRule} on a component's service under both {@link FlagReading}s: the check
 * passes only when the exact reading and kube-bench's substring reading both pass; when they disagree
 * the report says what kube-bench would see.
 */
final class FlagCheck {
    private FlagCheck() {}

    /** The combined outcome, with a note when the two readings disagree. */
    record Decision(boolean pass, String found, String note) {}

    static CheckResult run(CheckDefinition def, Rule.TestRule rule, HostContext ctx) {
        Decision d = decide(def.component(), rule, ctx);
        return new CheckResult(ctx.host().name(), def.id(), def.title(), d.pass() ? Status.PASS : def.failing(),
                d.found(), TestEvaluation.expected(rule), d.note());
    }

    static Decision decide(KubeComponent component, Rule.TestRule rule, HostContext ctx) {
        ServiceView service = ctx.service(component);
        if (!service.problems().isEmpty()) {
            return new Decision(false, String.join("; ", service.problems()), "");
        }
        TestEvaluation.Sources sources = new TestEvaluation.Sources(service.argv(), service.env(), service.envOrigin(),
                rule.useConfig() ? ctx.componentConfig(component) : null);
        TestEvaluation.Outcome exact = TestEvaluation.run(rule, sources, FlagReading.EXACT);
        TestEvaluation.Outcome kubeBench = TestEvaluation.run(rule, sources, FlagReading.KUBE_BENCH);
        String note = exact.pass() == kubeBench.pass() ? ""
                : "kube-bench's substring reading " + (kubeBench.pass() ? "passes" : "fails") + ": " + kubeBench.found();
        return new Decision(exact.pass() && kubeBench.pass(), exact.found(), note);
    }
}
