package dev.provisioner.inventory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The controller-side files a valid inventory points at, checked to exist: SSH key files of hosts and bastions,
 * the artifacts directory and the bundle. Kept out of parsing so an inventory can be parsed anywhere (tests,
 * another machine); {@code validate} runs it on the machine that will use the files.
 */
public final class LocalFileCheck {
    private LocalFileCheck() {
    }

    /** One line per missing file, naming the field and the path, with a hint; empty when all exist. */
    public static List<String> problems(Inventory inv) {
        Set<String> out = new LinkedHashSet<>();
        for (Host h : inv.hosts()) {
            keyFile(h.auth()).filter(p -> !Files.isRegularFile(p)).ifPresent(p -> out.add("hosts[" + h.name()
                    + "].auth.keyFile: the key file " + p + " does not exist (fix: create it with ssh-keygen or fix the path)"));
            h.bastion().flatMap(b -> keyFile(b.auth())).filter(p -> !Files.isRegularFile(p)).ifPresent(p -> out.add(
                    "hosts[" + h.name() + "].bastion.auth.keyFile: the key file " + p
                            + " does not exist (fix: create it with ssh-keygen or fix the path)"));
        }
        inv.cluster().install().artifactsDir().filter(p -> !Files.isDirectory(p)).ifPresent(p -> out.add(
                "cluster.install.artifactsDir: the directory " + p + " does not exist (fix: create it and put the"
                        + " release files and SHA256SUMS there)"));
        return new ArrayList<>(out);
    }

    private static Optional<Path> keyFile(HostAuth auth) {
        return auth instanceof HostAuth.KeyFile k ? Optional.of(k.keyFile()) : Optional.empty();
    }
}
