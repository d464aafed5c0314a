package dev.provisioner.cis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One mutation per offline-decidable rule (src/test/resources/cis/mutations.yaml): flipping what the
 * rule looks at makes exactly that check fail (FAIL if scored, WARN otherwise); nothing else changes.
 */
class CisMutationTest {
    private static final CisChecker CHECKER = new CisChecker();
    private static final List<RenderedHost> CLEAN = CisFixtures.cluster();
    private static final CisReport BASELINE = CHECKER.check(CLEAN);

    record Mutation(String id, String host, Map<?, ?> spec, List<String> also) {
        @Override
        public String toString() {
            return id + " on " + host;
        }
    }

    static List<Mutation> mutations() {
        Map<?, ?> root = (Map<?, ?>) CisFixtures.yaml().load(CisFixtures.text("/cis/mutations.yaml"));
        List<Mutation> out = new ArrayList<>();
        for (Object o : (List<?>) root.get("mutations")) {
            Map<?, ?> m = (Map<?, ?>) o;
            @SuppressWarnings("unchecked")
            List<String> also = m.get("also") == null ? List.of() : (List<String>) m.get("also");
            out.add(new Mutation((String) m.get("id"), (String) m.get("host"), m, also));
        }
        return out;
    }

    @Test
    void everyDecidableCheckHasExactlyOneMutation() {
        List<String> ids = mutations().stream().map(Mutation::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).containsExactlyInAnyOrderElementsOf(CHECKER.decidableCheckIds());
        assertThat(ids).hasSize(92);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void flippingTheValueFailsExactlyThatCheck(Mutation mutation) {
        List<RenderedHost> mutated = CLEAN.stream()
                .map(h -> h.name().equals(mutation.host()) ? apply(mutation.spec(), h) : h).toList();
        CisReport report = CHECKER.check(mutated);

        CheckResult target = report.result(mutation.host(), mutation.id()).orElseThrow();
        CheckDefinition def = CheckCatalogue.builtIn().stream().filter(d -> d.id().equals(mutation.id()))
                .findFirst().orElseThrow();
        assertThat(target.status()).as(target.toString()).isEqualTo(def.scored() ? Status.FAIL : Status.WARN);

        Set<String> allowed = new java.util.HashSet<>(mutation.also());
        allowed.add(mutation.id());
        Map<String, Status> before = statuses(BASELINE);
        Map<String, Status> after = statuses(report);
        List<String> changed = after.entrySet().stream()
                .filter(e -> e.getValue() != before.get(e.getKey()))
                .map(Map.Entry::getKey).filter(k -> !allowed.contains(k.substring(k.indexOf(' ') + 1))).toList();
        assertThat(changed).as("other checks whose status changed").isEmpty();
        for (String also : mutation.also()) {
            assertThat(report.result(mutation.host(), also).orElseThrow().status().failing()).as(also).isTrue();
        }
    }

    private static Map<String, Status> statuses(CisReport report) {
        Map<String, Status> m = new HashMap<>();
        report.results().forEach(r -> m.put(r.host() + " " + r.id(), r.status()));
        return m;
    }

    private static RenderedHost apply(Map<?, ?> spec, RenderedHost host) {
        if (spec.get("chmod") instanceof Map<?, ?> op) {
            RenderedFile f = file(host, op);
            return host.with(f.withMode(Integer.parseInt((String) op.get("mode"), 8)));
        }
        if (spec.get("chown") instanceof Map<?, ?> op) {
            return host.with(file(host, op).withOwnership((String) op.get("owner"), (String) op.get("group")));
        }
        if (spec.get("replace") instanceof Map<?, ?> op) {
            RenderedFile f = file(host, op);
            String find = (String) op.get("find");
            assertThat(f.text()).as("text to replace in " + f.path()).contains(find);
            return host.with(f.withText(f.text().replace(find, (String) op.get("with"))));
        }
        if (spec.get("removeLine") instanceof Map<?, ?> op) {
            RenderedFile f = file(host, op);
            String prefix = (String) op.get("startsWith");
            List<String> lines = f.text().lines().toList();
            List<String> kept = lines.stream().filter(l -> !l.strip().startsWith(prefix)).toList();
            assertThat(kept).as("lines removed from " + f.path()).hasSize(lines.size() - 1);
            return host.with(f.withText(kept.stream().collect(Collectors.joining("\n", "", "\n"))));
        }
        if (spec.get("copy") instanceof Map<?, ?> op) {
            String[] from = ((String) op.get("from")).split(":", 2);
            RenderedFile source = CLEAN.stream().filter(h -> h.name().equals(from[0])).findFirst().orElseThrow()
                    .file(from[1]).orElseThrow();
            return host.with(RenderedFile.file((String) op.get("to"), source.text(),
                    Integer.parseInt((String) op.get("mode"), 8), (String) op.get("owner"), (String) op.get("group")));
        }
        throw new IllegalArgumentException("no operation in " + spec);
    }

    private static RenderedFile file(RenderedHost host, Map<?, ?> op) {
        String path = (String) op.get("path");
        return host.file(path).orElseThrow(() -> new AssertionError(path + " not in fixture " + host.name()));
    }
}
