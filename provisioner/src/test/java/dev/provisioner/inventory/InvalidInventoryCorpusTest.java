package dev.provisioner.inventory;

import dev.provisioner.inventory.InvalidInventoryCorpus.Case;
import dev.provisioner.inventory.MessageTemplates.Template;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The bad-input corpus through the real loader: every file yields exactly its expected problems (all
 * of them, located, with the fix), and every rule of the package has at least one corpus entry.
 */
class InvalidInventoryCorpusTest {
    /** No environment variables and a fixed home: the corpus must not depend on the machine. */
    private static final InventoryLoader LOADER = Inventory.loader().withEnv(name -> null).withHome(Path.of("/home/corpus"));

    static Stream<Case> files() {
        return InvalidInventoryCorpus.files().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void eachFileIsRefusedWithExactlyItsExpectedProblems(Case c) {
        assertThat(problems(c)).containsExactlyElementsOf(c.expected());
    }

    @Test
    void generatedCasesAreRefusedWithTheirExpectedProblems(@TempDir Path dir) throws IOException {
        for (Case c : InvalidInventoryCorpus.generated(dir)) {
            assertThat(problems(c)).as(c.name()).containsExactlyElementsOf(c.expected());
        }
    }

    @Test
    void theBaseEveryCaseDepartsFromIsValid() {
        assertThatCode(() -> LOADER.parse(InvalidInventoryCorpus.VALID, "valid.yaml", InvalidInventoryCorpus.DIR)).doesNotThrowAnyException();
    }

    @Test
    void theCorpusIsLargeNumberedAndEveryFileStatesItsProblems() {
        List<Case> files = InvalidInventoryCorpus.files();
        assertThat(files).hasSizeGreaterThanOrEqualTo(40);
        Set<String> numbers = new TreeSet<>();
        for (Case c : files) {
            assertThat(c.name()).matches("[0-9]{3}-[a-z0-9]+(-[a-z0-9]+)*\\.yaml");
            assertThat(numbers.add(c.name().substring(0, 3))).as("number of " + c.name() + " is unique").isTrue();
            assertThat(c.expected()).as(c.name() + " has # expect: lines").isNotEmpty()
                    .allSatisfy(l -> assertThat(l).startsWith(c.name()).contains("(fix: "));
            assertThat(c.errorCount()).as(c.name() + " expects at least one error").isPositive();
        }
    }

    /** Adding a rule (a new message or hint) without a corpus file that shows it fails here. */
    @Test
    void everyRuleOfThePackageHasACorpusEntry(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        InvalidInventoryCorpus.files().forEach(c -> lines.addAll(c.expected()));
        InvalidInventoryCorpus.generated(dir).forEach(c -> lines.addAll(c.expected()));
        List<Template> templates = MessageTemplates.all();
        assertThat(templates).as("the scan finds the package's rules").hasSizeGreaterThan(80);
        assertThat(templates.stream().filter(t -> lines.stream().noneMatch(t::usedBy)))
                .as("rules without a corpus entry in src/test/resources/invalid-inventories").isEmpty();
    }

    @Test
    void theTemplateScanReadsMessageAndHintArguments() {
        List<String> args = MessageTemplates.arguments("path, at, Complaint.show(v) + \" is bad, really\" + f(a, b), \"fix (it)\");", 0);
        assertThat(args).hasSize(4);
        assertThat(MessageTemplates.longestLiteral(args.get(2))).isEqualTo(" is bad, really");
        assertThat(MessageTemplates.longestLiteral(args.get(3))).isEqualTo("fix (it)");
    }

    private static List<String> problems(Case c) {
        InventoryException e = catchThrowableOfType(InventoryException.class, () -> LOADER.load(c.file()));
        assertThat(e).as(c.name() + " must be refused").isNotNull();
        return c.normalize(e.problems().stream().map(ValidationProblem::format).toList());
    }
}
