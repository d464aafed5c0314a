package dev.provisioner.component.registry;

import dev.provisioner.Secret;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

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
}
