package dev.provisioner.security;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.InventoryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An invalid plain-text secret is refused without showing it: validation messages go to consoles and
 * CI logs, so they name the field, the line and the fix, never the value.
 */
class SecretValidationMessagesTest {

    private static String inventory(String sudoPassword, String passphrase) {
        return """
                hosts:
                  - name: master
                    address: 10.4.4.4
                    user: ops
                    auth:
                      keyFile: /keys/id_ed25519
                      passphrase: %s
                    sudoPassword: %s
                    roles: [master, node]
                cluster:
                  name: demo
                  registry:
                    enabled: false
                """.formatted(passphrase, sudoPassword);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01234567", "0x1f2e3d", "1.50", "yes", "off"})
    void aSecretThatYamlReadsAsANumberOrBooleanIsRefusedWithoutShowingIt(String value) {
        InventoryException e = catchThrowableOfType(InventoryException.class,
                () -> Inventory.loader().parse(inventory(value, "\"quoted-is-fine\""), "x.yaml", Path.of("/tmp")));
        assertThat(e).as(value).isNotNull();
        assertThat(e.format()).contains("x.yaml:8:").contains("hosts[0].sudoPassword").contains("quote it")
                .doesNotContain(value);
        assertThat(e.getMessage()).doesNotContain(value);
    }

    @Test
    void aQuotedSecretOfDigitsIsAcceptedWithAWarningThatDoesNotShowIt() {
        Inventory inv = Inventory.loader().parse(inventory("\"01234567\"", "'1.50'"), "x.yaml", Path.of("/tmp"));
        assertThat(inv.hosts().get(0).sudoPassword().orElseThrow().reveal()).isEqualTo("01234567");
        assertThat(inv.warnings()).hasSize(2).allSatisfy(w -> assertThat(w.format()).contains("plain text")
                .doesNotContain("01234567").doesNotContain("1.50"));
    }
}
