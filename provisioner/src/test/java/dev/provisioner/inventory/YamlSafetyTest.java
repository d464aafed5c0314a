package dev.provisioner.inventory;

import org.junit.jupiter.api.Test;

import static dev.provisioner.inventory.Fixtures.errors;
import static dev.provisioner.inventory.Fixtures.replace;
import static org.assertj.core.api.Assertions.assertThat;

/** Malformed YAML and the safe-loading limits: every error located at line:column where YAML gives one. */
class YamlSafetyTest {

    @Test
    void malformedYamlIsLocated() {
        assertThat(errors(replace("    address: 10.4.4.5", "    address: [10.4.4.5"))).containsExactly(
                "test.yaml:10:10: malformed YAML: while parsing a flow sequence, expected ',' or ']', but got : "
                        + "(fix: check indentation, colons and quoting near this position)");
    }

    @Test
    void tabIndentationIsLocated() {
        assertThat(errors(replace("    address: 10.4.4.5", "\taddress: 10.4.4.5")).get(0))
                .startsWith("test.yaml:9:1: malformed YAML: ")
                .contains("found character '\\t(TAB)' that cannot start any token");
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThat(errors(replace("    address: 10.4.4.4", "    address: 10.4.4.4\n    address: 10.4.4.9"))).containsExactly(
                "test.yaml:7:5: duplicate key 'address' (first defined at line 6) (fix: remove one of the two; YAML keeps only one of them)");
    }

    @Test
    void explicitGlobalTagsAreRefused() {
        assertThat(errors(replace("    address: 10.4.4.4", "    address: !!java.io.File 10.4.4.4"))).containsExactly(
                "test.yaml:6:14: explicit YAML tag '!!java.io.File' is not allowed "
                        + "(fix: remove the tag; an inventory holds only strings, numbers, booleans, lists and maps)");
    }

    @Test
    void explicitLocalTagsAreRefused() {
        assertThat(errors("a: !foo x")).containsExactly(
                "test.yaml:1:4: explicit YAML tag '!foo' is not allowed "
                        + "(fix: remove the tag; an inventory holds only strings, numbers, booleans, lists and maps)");
    }

    @Test
    void aliasesForCollectionsAreLimited() {
        assertThat(errors("a: &a [1]\nb: [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]")).containsExactly(
                "test.yaml:2:35: more than 10 aliases of lists or maps "
                        + "(fix: write the repeated values out, or use at most 10 such aliases)");
    }

    @Test
    void aFewAliasesAreFine() {
        Fixtures.assertValid(Fixtures.VALID.replace("  auth:\n", "  auth: &key\n") + "  ssh: {}\n");
    }

    @Test
    void recursiveAliasesDoNotLoop() {
        assertThat(errors("x: 1\na: &a [*a]")).containsExactly("test.yaml:2:4: recursive alias: the list or map anchored here"
                + " contains an alias to itself (fix: an alias cannot stand inside the list or map it names)");
    }

    @Test
    void deepNestingIsLimited() {
        assertThat(errors("a: " + "[".repeat(60) + "]".repeat(60))).containsExactly("test.yaml:1:33: more than 30 levels of nesting"
                + " (fix: an inventory needs a few levels of lists and maps; look for unbalanced brackets)");
    }

    @Test
    void textOverOneMebibyteIsRefusedBeforeParsing() {
        assertThat(errors("x".repeat(1024 * 1024 + 1))).containsExactly(
                "test.yaml: the file is larger than 1 MiB (fix: an inventory is a few kilobytes; check that this is the right file)");
    }

    @Test
    void onlyOneDocument() {
        assertThat(errors(Fixtures.VALID + "---\nfoo: 1\n")).containsExactly(
                "test.yaml:19:1: malformed YAML: expected a single document in the stream, but found another document "
                        + "(fix: check indentation, colons and quoting near this position)");
    }

    @Test
    void emptyDocument() {
        assertThat(errors("# nothing\n")).containsExactly(
                "test.yaml:1:1: the inventory is empty (fix: start from inventories/blog-2018.yaml)");
    }

    @Test
    void topLevelMustBeAMapping() {
        assertThat(errors("- a\n- b")).containsExactly(
                "test.yaml:1:1: expected a mapping of keys (hosts, cluster, defaults), found a list (fix: start from inventories/blog-2018.yaml)");
    }
}
