package dev.provisioner.inventory;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the input, loading yields a valid {@link Inventory} or an {@link InventoryException} with at
 * least one error; no other exception escapes.
 */
class InventoryPropertiesTest {
    private static final InventoryLoader LOADER = Fixtures.LOADER;
    private static final String SEED = Fixtures.VALID + """
              network:
                podCidr: 172.30.0.0/16
                subnetLen: 24
                etcdPrefix: /atomic.io/network
              registry:
                port: 5000
                auth:
                  user: admin
                  password: ${env:REGISTRY_PASSWORD}
              proxy:
                http: http://proxy:3128
                noProxy: [.example.com]
              ssh:
                parallelism: 4
            """;
    private static final List<String> LINES = Arrays.asList(SEED.split("\n"));
    private static final List<String> JUNK = List.of("no", "1.10", "0755", "~", "null", "[", "]", "{", "}", "&a", "*a", "!!java.io.File x",
            "!foo", "'", "\"", "- ", ": ", "\t", "%TAG ! tag:x", "---", "...", "${env:X}", "${file:/etc/passwd}", "${file:}", "-1",
            "99999999999999999999", "10.4.4.300", "172.30.0.1/16", "::", "\u0000", "\u2028", "#", "? ", "|", ">", "<<: *a", "@", "`");

    @Property(tries = 300)
    void randomTextNeverEscapes(@ForAll("yamlish") String text) {
        outcomeOf(text);
    }

    @Property(tries = 300)
    void mutatedInventoriesNeverEscape(@ForAll("mutations") String text) {
        outcomeOf(text);
    }

    private static void outcomeOf(String text) {
        try {
            Inventory inv = LOADER.parse(text, "fuzz.yaml", Path.of("/nonexistent"));
            assertThat(inv.hosts()).isNotEmpty();
        } catch (InventoryException e) {
            assertThat(e.errors()).isNotEmpty();
            assertThat(e.format()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> yamlish() {
        Arbitrary<String> tokens = Arbitraries.oneOf(
                Arbitraries.of(JUNK),
                Arbitraries.of("hosts", "cluster", "defaults", "name", "address", "roles", "port", "auth", "keyFile", "network",
                        "podCidr", "subnetLen", "registry", "master", "node", "\n", "\n  ", "\n    - ", ":", " ", ","),
                Arbitraries.strings().ofMaxLength(6));
        return tokens.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<Mutation> one = Arbitraries.oneOf(
                Arbitraries.integers().between(0, LINES.size() - 1).map(i -> (Mutation) lines -> lines.remove(Math.min(i, lines.size() - 1))),
                Combinators.combine(Arbitraries.integers().between(0, LINES.size() - 1), Arbitraries.integers().between(0, LINES.size() - 1))
                        .as((i, j) -> (Mutation) lines -> swapValues(lines, i, j)),
                Combinators.combine(Arbitraries.integers().between(0, LINES.size()), Arbitraries.of(JUNK), Arbitraries.integers().between(0, 6))
                        .as((i, junk, indent) -> (Mutation) lines -> lines.add(Math.min(i, lines.size()), " ".repeat(indent) + junk)),
                Combinators.combine(Arbitraries.integers().between(0, LINES.size() - 1), Arbitraries.of(JUNK))
                        .as((i, junk) -> (Mutation) lines -> replaceValue(lines, i, junk)));
        return one.list().ofMinSize(1).ofMaxSize(4).map(ms -> {
            List<String> lines = new ArrayList<>(LINES);
            ms.forEach(m -> {
                if (!lines.isEmpty()) {
                    m.apply(lines);
                }
            });
            return String.join("\n", lines);
        });
    }

    interface Mutation {
        void apply(List<String> lines);
    }

    private static void swapValues(List<String> lines, int i, int j) {
        if (i >= lines.size() || j >= lines.size()) {
            return;
        }
        String a = lines.get(i);
        String b = lines.get(j);
        int ca = a.indexOf(": ");
        int cb = b.indexOf(": ");
        if (ca > 0 && cb > 0) {
            lines.set(i, a.substring(0, ca + 2) + b.substring(cb + 2));
            lines.set(j, b.substring(0, cb + 2) + a.substring(ca + 2));
        }
    }

    private static void replaceValue(List<String> lines, int i, String junk) {
        if (i >= lines.size()) {
            return;
        }
        String a = lines.get(i);
        int c = a.indexOf(": ");
        lines.set(i, c > 0 ? a.substring(0, c + 2) + junk : a + junk);
    }
}
