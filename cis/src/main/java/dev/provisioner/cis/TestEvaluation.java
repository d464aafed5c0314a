package dev.provisioner.cis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs kube-bench test items against a service, following kube-bench's check.go: each item is looked
 * up on the command line first; only when the flag is not found there is the config file consulted
 * (kubelet, kube-proxy), then the environment (etcd's {@code ETCD_*}); items combine with and/or.
 */
final class TestEvaluation {
    private TestEvaluation() {}

    /**
     * What a test runs against.
     *
     * @param argv      the service's command line
     * @param env       its environment
     * @param envOrigin where each variable was set
     * @param config    the component's config file, or null when the check does not use one
     */
    record Sources(List<String> argv, Map<String, String> env, Map<String, String> envOrigin, ConfigDocument config) {}

    /** Whether the rule holds, and what was found. */
    record Outcome(boolean pass, String found) {}

    static Outcome run(Rule.TestRule rule, Sources sources, FlagReading reading) {
        if (rule.useConfig() && (sources.config() == null || !sources.config().usable())) {
            return new Outcome(false, sources.config() == null ? "no config file" : sources.config().error());
        }
        boolean result = !rule.or();
        Set<String> found = new LinkedHashSet<>();
        for (TestItem item : rule.items()) {
            Outcome o = item(item, rule.useConfig(), sources, reading);
            result = rule.or() ? result || o.pass() : result && o.pass();
            found.add(o.found());
        }
        return new Outcome(result, String.join("; ", found));
    }

    /** The expectation of a rule, e.g. {@code --a set AND --b set}. */
    static String expected(Rule.TestRule rule) {
        List<String> parts = new ArrayList<>();
        rule.items().forEach(i -> parts.add(i.describe()));
        return String.join(rule.or() ? " OR " : " AND ", parts);
    }

    private static Outcome item(TestItem item, boolean useConfig, Sources s, FlagReading reading) {
        Lookup l = reading.flag(s.argv(), item.flag(), item.op() != null);
        String shown = item.flag() + (item.flag().startsWith("-") ? "=" : " (feature gate) = ");
        String where = "command line";
        if (!l.found() && useConfig && item.path() != null) {
            ConfigPath path = ConfigPath.parse(item.path());
            l = s.config().lookup(path).map(Lookup::of).orElse(Lookup.NONE);
            shown = path.display() + ": ";
            where = s.config().path();
        }
        if (!l.found() && item.env() != null) {
            l = reading.env(s.env(), item.env());
            shown = item.env() + "=";
            where = s.envOrigin().getOrDefault(item.env(), "environment");
        }
        boolean pass;
        if (item.set()) {
            pass = l.found() && item.op() != null ? CompareOp.test(item.op(), l.value(), item.value()) : l.found();
        } else {
            pass = !l.found();
        }
        String found = l.found() ? shown + l.value() + " (" + where + ")" : notFound(item, useConfig);
        return new Outcome(pass, found);
    }

    private static String notFound(TestItem item, boolean useConfig) {
        StringBuilder sb = new StringBuilder(item.flag()).append(" not set");
        if (useConfig && item.path() != null) {
            sb.append(", no ").append(ConfigPath.parse(item.path()).display()).append(" in config");
        }
        if (item.env() != null) {
            sb.append(", no ").append(item.env());
        }
        return sb.toString();
    }
}
