package dev.provisioner.component.kube;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.step.DesiredFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** secretbox first; the pre-secretbox aescbc key stays readable; a listed rotation renders in order, grouped by provider. */
class EncryptionKeysTest {
    @TempDir
    Path state;

    /** provider type -> key names, in EncryptionConfiguration order. */
    static List<Map<String, List<String>>> providers(Inventory inv, Path state) {
        Map<String, List<DesiredFile>> rendered = KubeRender.render(inv, state);
        Map<?, ?> doc = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(KubeRender.file(rendered, "master-0", KubePaths.ENCRYPTION_CONFIG).orElseThrow().text());
        List<?> providers = (List<?>) ((Map<?, ?>) ((List<?>) doc.get("resources")).get(0)).get("providers");
        return providers.stream().map(p -> {
            Map.Entry<?, ?> e = ((Map<?, ?>) p).entrySet().iterator().next();
            List<String> names = e.getValue() instanceof Map<?, ?> m && m.get("keys") instanceof List<?> keys
                    ? keys.stream().map(k -> (String) ((Map<?, ?>) k).get("name")).toList() : List.of();
            return Map.of((String) e.getKey(), names);
        }).toList();
    }

    @Test
    void aFreshClusterEncryptsWithSecretboxAndKeepsIdentityLast() {
        assertThat(providers(HaInventories.threeMasters(""), state))
                .containsExactly(Map.of("secretbox", List.of("key1")), Map.of("identity", List.of()));
        assertThat(state.resolve("secrets/encryption-secretbox-key1.key")).exists();
    }

    @Test
    void aClusterFromBeforeSecretboxKeepsItsAescbcKeyReadable() throws Exception {
        Path secrets = Files.createDirectories(state.resolve("secrets"));
        Files.writeString(secrets.resolve(EncryptionKey.FILE), java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n");
        assertThat(providers(HaInventories.threeMasters(""), state)).containsExactly(
                Map.of("secretbox", List.of("key1")), Map.of("aescbc", List.of("key1")), Map.of("identity", List.of()));
        // the rotation's last step: list only the secretbox key, the aescbc key is no longer read
        assertThat(providers(HaInventories.threeMasters("  encryption: {keys: [secretbox:key1]}\n"), state))
                .containsExactly(Map.of("secretbox", List.of("key1")), Map.of("identity", List.of()));
    }

    @Test
    void rotationStepsRenderInTheListedOrderWithDistinctKeys() {
        assertThat(providers(HaInventories.threeMasters("  encryption: {keys: [secretbox:key1, secretbox:key2]}\n"), state))
                .containsExactly(Map.of("secretbox", List.of("key1", "key2")), Map.of("identity", List.of()));
        assertThat(providers(HaInventories.threeMasters("  encryption: {keys: [secretbox:key2, secretbox:key1]}\n"), state))
                .containsExactly(Map.of("secretbox", List.of("key2", "key1")), Map.of("identity", List.of()));
        EncryptionKeys keys = new EncryptionKeys(state);
        var refs = keys.refs(HaInventories.threeMasters("  encryption: {keys: [secretbox:key2, secretbox:key1]}\n"));
        assertThat(keys.base64(refs.get(0))).isNotEqualTo(keys.base64(refs.get(1)));
    }
}
