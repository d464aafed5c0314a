package dev.provisioner.cli;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.InventoryException;
import dev.provisioner.inventory.ValidationProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code provisioner init}: writes a commented starter inventory for the given hosts, validated before it is written. */
@Command(name = "init", mixinStandardHelpOptions = true,
        header = "Write a commented starter inventory for the given hosts.",
        description = "The inventory is validated before it is written; an existing file is kept unless --force (exit"
                + " code 1). ADDR is an address or NAME=ADDR (default names: master, node01.., registry).")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT})
public final class InitCommand implements Callable<Integer> {
    @Mixin
    OutputOptions outputMode;

    @Option(names = "--name", paramLabel = "NAME", description = "cluster name (default: mycluster)")
    String name = "mycluster";

    @Option(names = "--master", required = true, split = ",", paramLabel = "ADDR", description = "a master (repeatable)")
    List<String> masters = new ArrayList<>();

    @Option(names = "--node", required = true, split = ",", paramLabel = "ADDR", description = "a worker node (repeatable)")
    List<String> nodes = new ArrayList<>();

    @Option(names = "--registry", paramLabel = "ADDR", description = "the private registry host (default: no registry)")
    String registry;

    @Option(names = "--user", paramLabel = "USER", description = "SSH user (default: root)")
    String user = "root";

    @Option(names = "--key", paramLabel = "FILE", description = "SSH private key (default: ~/.ssh/id_ed25519)")
    String key = "~/.ssh/id_ed25519";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "file to write (default: inventory.yaml)")
    Path output = Path.of("inventory.yaml");

    @Option(names = "--force", description = "overwrite an existing file")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.exists(output) && !force) {
            err.printf("error: %s exists; not overwriting it (use --force, or -o another file)%n", output);
            return ExitCodes.ERROR;
        }
        String text = StarterInventory.render(name, StarterInventory.entries(masters, nodes, registry), user, key, output.toString(),
                LocalDate.now().toString());
        Path dir = output.toAbsolutePath().getParent();
        try {
            Inventory inv = Inventory.loader().parse(text, output.toString(), dir);
            inv.warnings().stream().map(ValidationProblem::format).forEach(err::println);
        } catch (InventoryException e) {
            err.println(e.format());
            err.printf("not written: the hosts given do not make a valid inventory (%d error%s)%n", e.errors().size(),
                    e.errors().size() == 1 ? "" : "s");
            return ExitCodes.INVALID_INPUT;
        }
        write(dir, text);
        out.printf("Wrote %s (%d hosts). Next: add every host's SSH host key to ~/.ssh/known_hosts, then%n"
                + "  provisioner validate -i %s && provisioner plan -i %s%n", output,
                masters.size() + nodes.size() + (registry == null ? 0 : 1), output, output);
        return ExitCodes.OK;
    }

    private void write(Path dir, String text) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + output.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, output.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
        }
    }
}
