package dev.provisioner.component.registry;

import dev.provisioner.Secret;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HtpasswdTest {
    private final RegistryPush push = new RegistryPush("pusher", Secret.of("s3cret-pass"), "test");

    @Test
    void oneInstanceHashesOncePerClusterAndTheHashVerifies() {
        Htpasswd lines = new Htpasswd(push);
        String first = lines.line("lab");
        // the same String object: bcrypt ran once (it is the slow part of rendering the registry's files)
        assertThat(lines.line("lab")).isSameAs(first);
        assertThat(first).startsWith("pusher:$2y$10$").endsWith("\n");
        assertThat(OpenBSDBCrypt.checkPassword(first.substring("pusher:".length()).strip(), "s3cret-pass".toCharArray())).isTrue();
        assertThat(OpenBSDBCrypt.checkPassword(first.substring("pusher:".length()).strip(), "other".toCharArray())).isFalse();
    }

    @Test
    void anotherClusterGetsAnotherSaltAndTheSameInputsTheSameLine() {
        Htpasswd lines = new Htpasswd(push);
        assertThat(lines.line("lab")).isNotEqualTo(lines.line("prod"));
        assertThat(new Htpasswd(push).line("lab")).isEqualTo(lines.line("lab"));
    }

    @Test
    void aStateDirectoryKeepsTheLineFor0600AndTheNextInstanceReadsItInsteadOfHashing(@TempDir Path state) throws Exception {
        String line = new Htpasswd(push, Optional.of(state)).line("lab");
        assertThat(line).isEqualTo(Htpasswd.line("pusher", Secret.of("s3cret-pass"), "lab"));
        Path file = state.resolve(HtpasswdCache.FILE);
        assertThat(Files.readString(file)).isEqualTo(Htpasswd.cacheKey("pusher", Secret.of("s3cret-pass"), "lab") + " " + line);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(Files.readString(file)).doesNotContain("s3cret-pass");

        // Another well-formed line under the same key: a new instance returns it, so it read the file and ran no bcrypt.
        String planted = Htpasswd.line("pusher", Secret.of("planted"), "lab");
        Files.writeString(file, Htpasswd.cacheKey("pusher", Secret.of("s3cret-pass"), "lab") + " " + planted);
        assertThat(new Htpasswd(push, Optional.of(state)).line("lab")).isEqualTo(planted);
    }

    @Test
    void anotherPasswordUserOrClusterFindsAnotherKeyAndHashesAgain(@TempDir Path state) throws Exception {
        new Htpasswd(push, Optional.of(state)).line("lab");
        for (RegistryPush other : new RegistryPush[] {new RegistryPush("pusher", Secret.of("new-pass"), "test"),
                new RegistryPush("other", Secret.of("s3cret-pass"), "test")}) {
            String line = new Htpasswd(other, Optional.of(state)).line("lab");
            assertThat(line).isEqualTo(Htpasswd.line(other.user(), other.password(), "lab"));
            assertThat(OpenBSDBCrypt.checkPassword(line.substring(other.user().length() + 1).strip(),
                    other.password().reveal().toCharArray())).isTrue();
        }
        assertThat(new Htpasswd(push, Optional.of(state)).line("prod")).isEqualTo(Htpasswd.line("pusher", Secret.of("s3cret-pass"), "prod"));
        assertThat(Files.readString(state.resolve(HtpasswdCache.FILE)))
                .startsWith(Htpasswd.cacheKey("pusher", Secret.of("s3cret-pass"), "prod") + " pusher:$2y$10$");
    }

    @Test
    void aDamagedCacheFileIsIgnoredAndReplaced(@TempDir Path state) throws Exception {
        Path file = state.resolve(HtpasswdCache.FILE);
        Files.createDirectories(file.getParent());
        String key = Htpasswd.cacheKey("pusher", Secret.of("s3cret-pass"), "lab");
        String good = Htpasswd.line("pusher", Secret.of("s3cret-pass"), "lab");
        for (String damaged : new String[] {"", "garbage", key, key + " pusher:$2y$10$short",
                key + " intruder" + good.substring("pusher".length()), key + " " + good.replace("$2y$10$", "$2y$04$")}) {
            Files.writeString(file, damaged, StandardCharsets.UTF_8);
            assertThat(new Htpasswd(push, Optional.of(state)).line("lab")).as(damaged).isEqualTo(good);
            assertThat(Files.readString(file)).isEqualTo(key + " " + good);
        }
    }

    @Test
    void aStateDirectoryThatCannotBeWrittenOnlyCostsTheSpeedUp(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("state"), "a file where the state directory should be");
        assertThat(new Htpasswd(push, Optional.of(notADirectory)).line("lab"))
                .isEqualTo(Htpasswd.line("pusher", Secret.of("s3cret-pass"), "lab"));
        assertThat(Files.readString(notADirectory)).isEqualTo("a file where the state directory should be");
    }
}
