package dev.provisioner.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/cli-reference.md is what the model produces, so help and docs agree on every command, option and exit code. */
class CliReferenceTest {
    private static final Path DOC = Path.of("..", "docs", "cli-reference.md");

    @Test
    void theCommittedReferenceIsWhatTheModelProduces() throws Exception {
        String generated = CliReference.markdown();
        if (Boolean.getBoolean("provisioner.writeDocs")) {
            Files.writeString(DOC, generated);
        }
        assertThat(DOC).as("docs/cli-reference.md is stale: regenerate it (see its first paragraph)").exists();
        assertThat(Files.readString(DOC)).as("docs/cli-reference.md is stale: regenerate it (see its first paragraph)")
                .isEqualTo(generated);
    }

    @Test
    void theReferenceHasEveryCommandOptionAndExitCode() {
        String doc = CliReference.markdown();
        for (var cl : CliReference.commands(CliReference.model())) {
            var spec = cl.getCommandSpec();
            assertThat(doc).contains("### " + spec.qualifiedName(" "));
            spec.options().forEach(o -> assertThat(doc).as(spec.qualifiedName(" ")).contains(o.longestName()));
            for (ExitCode c : HelpLayout.declared(cl.getCommand())) {
                assertThat(cl.getUsageMessage()).as(spec.qualifiedName(" ") + " help lists exit code " + c.code())
                        .containsPattern("(?m)^ +" + c.code() + " +" + java.util.regex.Pattern.quote(c.meaning().substring(0, 20)));
            }
        }
        for (ExitCode c : ExitCode.values()) {
            assertThat(doc).contains("| " + c.code() + " | `" + c.label() + "` | " + c.meaning() + " |");
        }
    }
}
