package dev.provisioner.cli;

import picocli.AutoComplete;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Build step (the exec plugin runs it in the {@code package} phase, in Maven's JVM): writes, from the
 * picocli model, the man pages {@code target/man/man1/provisioner*.1} ({@link ManPage}: one for the
 * command line, one per command) and the bash (and zsh, through bashcompinit) completion script
 * {@code target/provisioner_completion}. The release (release/build.sh) ships exactly these files. Lives
 * with the tests so the generators stay out of the executable jar.
 */
public final class CliArtifacts {
    private CliArtifacts() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "target");
        CommandLine cl = CliReference.model();
        Path man = target.resolve("man").resolve("man1");
        if (Files.isDirectory(man)) {
            try (var old = Files.list(man)) {
                for (Path page : old.toList()) {
                    Files.delete(page);
                }
            }
        }
        Files.createDirectories(man);
        for (Map.Entry<String, String> page : ManPage.pages(cl).entrySet()) {
            Files.writeString(man.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
        }
        Files.writeString(target.resolve("provisioner_completion"), AutoComplete.bash("provisioner", cl),
                StandardCharsets.UTF_8);
    }
}
