package dev.provisioner.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step (the exec plugin runs it in the {@code package} phase, in Maven's JVM): writes, from the
 * picocli model, the man page {@code target/man/man1/provisioner.1} (roff, see {@link ManPage}), picocli
 * ManPageGenerator's AsciiDoc pages per command in {@code target/man/adoc/}, and the bash (and zsh, through
 * bashcompinit) completion script {@code target/provisioner_completion}. Lives with the tests so
 * picocli-codegen stays out of the executable jar.
 */
public final class CliArtifacts {
    private CliArtifacts() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "target");
        CommandLine cl = CliReference.model();
        Path man = Files.createDirectories(target.resolve("man").resolve("man1"));
        Files.writeString(man.resolve("provisioner.1"), ManPage.roff(cl), StandardCharsets.UTF_8);
        Path adoc = Files.createDirectories(target.resolve("man").resolve("adoc"));
        ManPageGenerator.generateManPage(adoc.toFile(), null, new boolean[0], true, cl.getCommandSpec());
        Files.writeString(target.resolve("provisioner_completion"), AutoComplete.bash("provisioner", cl),
                StandardCharsets.UTF_8);
    }
}
