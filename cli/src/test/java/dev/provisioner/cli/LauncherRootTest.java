package dev.provisioner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development launcher ({@code bin/provisioner}) finds its checkout with shell builtins: its own lines for that,
 * taken from the file and run by bash with every way of calling it ({@code $0} relative, with {@code ./}, from
 * another directory, through a symbolic link), must name the checkout.
 */
class LauncherRootTest {
    /** The checkout: the cli module's parent. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private static String rootLines() throws Exception {
        String launcher = Files.readString(ROOT.resolve("bin/provisioner"), StandardCharsets.UTF_8);
        int from = launcher.indexOf("self=$0\n");
        int to = launcher.indexOf('\n', launcher.indexOf("[ -f \"$root/bin/provisioner\" ] ||"));
        assertThat(from).as("bin/provisioner finds its checkout from $0").isPositive();
        assertThat(to).isGreaterThan(from);
        return launcher.substring(from, to + 1);
    }

    private static Path root(String arg0, Path cwd) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", rootLines() + "printf '%s' \"$root\"", arg0).directory(cwd.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        return Path.of(out);
    }

    @Test
    void everyWayOfCallingTheLauncherFindsTheCheckout() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("provisioner"), ROOT.resolve("bin/provisioner"));
        assertThat(Files.isSameFile(root("bin/provisioner", ROOT), ROOT)).isTrue();
        assertThat(Files.isSameFile(root("./bin/provisioner", ROOT), ROOT)).isTrue();
        assertThat(Files.isSameFile(root("./provisioner", ROOT.resolve("bin")), ROOT)).isTrue();
        assertThat(Files.isSameFile(root("../bin/provisioner", ROOT.resolve("cli")), ROOT)).isTrue();
        assertThat(Files.isSameFile(root(ROOT.resolve("bin/provisioner").toString(), tmp), ROOT)).isTrue();
        assertThat(Files.isSameFile(root(link.toString(), tmp), ROOT)).as("through a link").isTrue();
        assertThat(Files.isSameFile(root("provisioner", tmp), ROOT)).as("a relative link").isTrue();
    }
}
