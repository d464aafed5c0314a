package dev.provisioner.connect;

import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.InvalidSetupException;
import dev.provisioner.api.Provisioner;
import dev.provisioner.component.kube.HaInventories;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.InventoryException;
import dev.provisioner.transport.SecretMasker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accepting any host key: only on request (never from the inventory), never where a password is sent. */
class InsecureHostKeysTest {
    @TempDir
    Path state;

    static final String PASSWORDS = """
            hosts:
              - {name: m, address: 10.0.0.1, roles: [master, node], auth: {keyFile: /keys/id}, sudo: password, sudoPassword: s3cret}
              - {name: n, address: 10.0.0.2, roles: [node], auth: {password: hunter2}}
              - {name: k, address: 10.0.0.3, roles: [node], auth: {keyFile: /keys/id}}
            cluster:
              name: pw
              registry: {enabled: false}
            """;

    @Test
    void theInventoryCannotAskForIt() {
        assertThatThrownBy(() -> HaInventories.threeMasters("  ssh: {hostKeyPolicy: insecure-accept-any}\n"))
                .isInstanceOf(InventoryException.class).hasMessageContaining("never taken from an inventory");
    }

    @Test
    void passwordAndSudoPasswordHostsAreRefused() {
        Inventory inv = Inventory.loader().parse(PASSWORDS, "pw.yaml", Path.of("/"));
        assertThat(InsecureHostKeys.problems(inv)).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("m: a sudo password"))
                .anySatisfy(p -> assertThat(p).startsWith("n: password authentication"));
        assertThatThrownBy(() -> EngineHooks.builder(inv).stateDirectory(state).insecureAcceptAnyHostKey(true).build())
                .isInstanceOf(InvalidSetupException.class).hasMessageContaining("--insecure-accept-any-host-key: n: password")
                .hasMessageNotContaining("hunter2").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> new SshConnections(inv, Optional.empty(), new SecretMasker(), true))
                .isInstanceOf(IllegalArgumentException.class);
        // without the flag the same inventory is fine (host keys are checked)
        assertThat(new SshConnections(inv, Optional.empty(), new SecretMasker(), false)).isNotNull();
    }

    @Test
    void keyOnlyHostsMayAskForIt() {
        Inventory inv = HaInventories.threeMasters("");
        assertThat(InsecureHostKeys.problems(inv)).isEmpty();
        assertThat(EngineHooks.builder(inv).stateDirectory(state).insecureAcceptAnyHostKey(true).build()).isNotNull();
    }
}
