package dev.provisioner.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The man pages the release ships ({@link ManPage}, written by {@link CliArtifacts}): one per command, each
 * with every option of that command, the root page with the whole exit-code table and a link to every
 * command page, and every page well-formed roff (groff's man macros, all warnings on, report none; bin/test
 * installs groff when it is missing).
 */
class ManPageTest {
    private final CommandLine model = CliReference.model();
    private final Map<String, String> pages = ManPage.pages(model);

    @Test
    void oneManPagePerCommandWithEveryOptionAndTheRootPageHasEveryExitCode() {
        List<CommandLine> commands = CliReference.commands(model);
        assertThat(pages).hasSize(commands.size());
        String root = pages.get("provisioner.1");
        for (CommandLine cl : commands) {
            var spec = cl.getCommandSpec();
            String page = pages.get(ManPage.fileName(cl));
            assertThat(page).as(ManPage.fileName(cl)).isNotNull()
                    .startsWith(".TH " + ManPage.text(spec.qualifiedName("-").toUpperCase(java.util.Locale.ROOT)) + " 1 ");
            spec.options().forEach(o -> assertThat(page).as(spec.qualifiedName(" ")).contains(ManPage.text(o.longestName())));
            if (cl.getParent() != null) {
                assertThat(root).contains(".BR " + ManPage.text(spec.qualifiedName("-")) + " (1)");
            }
        }
        for (ExitCode c : ExitCode.values()) {
            assertThat(root).contains(".B " + c.code() + " (" + ManPage.text(c.label()) + ")\n" + ManPage.text(c.meaning()));
        }
    }

    @Test
    void cliArtifactsWritesThePagesAndTheCompletionScript(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        CliArtifacts.main(new String[] {dir.toString()});

        try (var written = Files.list(dir.resolve("man/man1"))) {
            assertThat(written.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(pages.keySet());
        }
        assertThat(Files.readString(dir.resolve("provisioner_completion"))).contains("complete -F").contains("validate");
    }

    @Test
    void everyPageIsWellFormedRoff(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path file = Files.writeString(dir.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
            Process groff = new ProcessBuilder("groff", "-man", "-ww", "-z", file.toString()).redirectErrorStream(true).start();
            String out = new String(groff.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(groff.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(out).as(page.getKey() + ": groff warnings").isEmpty();
            assertThat(groff.exitValue()).isZero();
        }
    }
}
