package dev.provisioner.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Test helpers: parse YAML text with a fixed fake environment and collect formatted problems. */
final class Fixtures {
    static final String SOURCE = "test.yaml";
    static final Map<String, String> ENV = Map.of("SUDO_PASSWORD", "s3cret", "REGISTRY_PASSWORD", "r3g");
    static final InventoryLoader LOADER = Inventory.loader().withEnv(ENV::get).withHome(Path.of("/home/tester"));

    /** The blog-2018 topology, minimal; line numbers below are relied upon by the rule tests. */
    static final String VALID = """
            defaults:
              auth:
                keyFile: ~/.ssh/id_ed25519
            hosts:
              - name: master
                address: 10.4.4.4
                roles: [master]
              - name: node01
                address: 10.4.4.5
                roles: [node]
              - name: node02
                address: 10.4.4.7
                roles: [node]
              - name: registry
                address: 10.4.4.8
                roles: [registry]
            cluster:
              name: blog
            """;

    private Fixtures() {}

    static Inventory parse(String yaml) {
        return LOADER.parse(yaml, SOURCE, Path.of("/work/inv"));
    }

    /** Every problem of an invalid document, formatted. */
    static List<String> problems(String yaml) {
        InventoryException e = catchThrowableOfType(InventoryException.class, () -> parse(yaml));
        if (e == null) {
            throw new AssertionError("expected the inventory to be invalid:\n" + yaml);
        }
        return e.problems().stream().map(ValidationProblem::format).toList();
    }

    /** Only the errors, formatted. */
    static List<String> errors(String yaml) {
        InventoryException e = catchThrowableOfType(InventoryException.class, () -> parse(yaml));
        if (e == null) {
            throw new AssertionError("expected the inventory to be invalid:\n" + yaml);
        }
        return e.errors().stream().map(ValidationProblem::format).toList();
    }

    /** VALID with one line replaced (exact match of the trimmed line). */
    static String replace(String line, String with) {
        if (!VALID.contains(line)) {
            throw new AssertionError("no line " + line);
        }
        return VALID.replace(line, with);
    }

    static void assertValid(String yaml) {
        parse(yaml);
    }

    static void assertInvalid(String yaml) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(InventoryException.class);
    }
}
