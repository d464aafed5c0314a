package dev.provisioner.cli;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.pki.ClusterPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code render -o DIR} writes, where it refuses to write, and that it leaves the state directory alone. */
class RenderSafetyTest {
    private static final String INVENTORY = """
            defaults:
              auth:
                keyFile: /keys/id_ed25519
            hosts:
              - name: master
                address: 10.4.4.4
                roles: [master, node]
            cluster:
              name: blog
              registry:
                enabled: false
            """;

    @TempDir
    Path dir;

    private CliRun render(Path out, String... extra) throws IOException {
        Path inv = dir.resolve("inv.yaml");
        if (!Files.exists(inv)) {
            Files.writeString(inv, INVENTORY);
        }
        List<String> args = new java.util.ArrayList<>(List.of("render", "-i", inv.toString(), "-o", out.toString(),
                "--only", "pki,prepare-hosts"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void foldersAre0700KeysAre0600AndTheStateDirectoryIsNotCreated() throws IOException {
        Path out = dir.resolve("out");
        CliRun run = render(out);
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path caKey = out.resolve("master/etc/kubernetes/pki/ca.key");
        assertThat(caKey).content().contains("PRIVATE KEY");
        try (Stream<Path> all = Files.walk(out)) {
            for (Path p : all.toList()) {
                if (Files.isDirectory(p)) {
                    assertThat(mode(p)).as(p.toString()).isEqualTo("rwx------");
                } else if (Files.readString(p).contains("PRIVATE KEY")) {
                    assertThat(mode(p)).as(p.toString()).isEqualTo("rw-------");
                } else {
                    assertThat(mode(p)).as(p.toString()).matches("r[w-][x-].-..-.");
                }
            }
        }
        assertThat(dir.resolve(".provisioner")).doesNotExist();
    }

    @Test
    void theStatesCaIsRenderedAndTheStateIsLeftAsItWas() throws IOException {
        Files.writeString(dir.resolve("inv.yaml"), INVENTORY);
        Path state = dir.resolve(".provisioner/blog");
        ClusterPki.standard().ensure(Inventory.load(dir.resolve("inv.yaml")), state);
        List<String> before;
        try (Stream<Path> s = Files.walk(state)) {
            before = s.map(p -> p + " " + p.toFile().lastModified() + " " + p.toFile().length()).sorted().toList();
        }
        CliRun run = render(dir.resolve("out"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(dir.resolve("out/master/etc/kubernetes/pki/ca.crt")).hasSameBinaryContentAs(state.resolve("pki/ca.crt"));
        try (Stream<Path> s = Files.walk(state)) {
            assertThat(s.map(p -> p + " " + p.toFile().lastModified() + " " + p.toFile().length()).sorted().toList())
                    .isEqualTo(before);
        }
    }

    @Test
    void aNonEmptyFolderIsRefusedUnlessForced() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("notes.txt"), "mine\n");
        CliRun refused = render(out);
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(refused.err()).contains(out.toString()).contains("is not empty");
        assertThat(out.resolve("master")).doesNotExist();
        CliRun forced = render(out, "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(out.resolve("notes.txt")).hasContent("mine");
        assertThat(out.resolve("master/etc/kubernetes/pki/ca.key")).exists();
        assertThat(render(out, "--force").exitCode()).isZero();
    }

    @Test
    void aSymbolicLinkInTheFolderIsRefusedAndNotFollowed() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve("master"), elsewhere);
        CliRun run = render(out, "--force");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("symbolic link");
        try (Stream<Path> s = Files.list(elsewhere)) {
            assertThat(s).isEmpty();
        }
        Files.delete(out.resolve("master"));
        Files.createDirectories(out.resolve("master/etc/kubernetes/pki"));
        Path target = dir.resolve("stolen.key");
        Files.createSymbolicLink(out.resolve("master/etc/kubernetes/pki/ca.key"), target);
        assertThat(render(out, "--force").exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(target).doesNotExist();
    }

    @Test
    void redactedKeysAreAPlaceholder() throws IOException {
        Path out = dir.resolve("out");
        CliRun run = render(out, "--redact-keys");
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Stream<Path> all = Files.walk(out)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(p)).as(p.toString()).doesNotContain("PRIVATE KEY");
            }
        }
        assertThat(out.resolve("master/etc/kubernetes/pki/ca.key")).content().startsWith("# redacted by provisioner render");
        assertThat(out.resolve("master/etc/kubernetes/pki/ca.crt")).content().contains("BEGIN CERTIFICATE");
    }
}
