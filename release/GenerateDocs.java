import dev.provisioner.cli.Main;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the bash completion script and the AsciiDoc man pages (one per command and subcommand) of
 * the provisioner command line, from the same picocli model the CLI runs: {@code Main.commandLine()}
 * registers the subcommands programmatically, so picocli-codegen's own main classes (which build
 * the model from annotations alone) would miss them. Run by release/build.sh as a single-file
 * program: {@code java -cp provisioner-cli.jar:picocli-codegen.jar GenerateDocs.java OUT_DIR}.
 */
public final class GenerateDocs {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path adoc = Files.createDirectories(out.resolve("adoc"));
        CommandLine cli = Main.commandLine();
        Files.writeString(out.resolve("provisioner.bash"), AutoComplete.bash("provisioner", cli));
        int rc = ManPageGenerator.generateManPage(adoc.toFile(), (File) null, new boolean[0], true, cli.getCommandSpec());
        if (rc != 0) {
            throw new IllegalStateException("ManPageGenerator exited " + rc);
        }
    }
}
