package dev.provisioner.component.kube;

import dev.provisioner.inventory.EncryptionKeyRef;
import dev.provisioner.inventory.Inventory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The encryption-at-rest keys of a cluster, in provider order: {@code cluster.encryption.keys} when the
 * inventory lists them (the first encrypts, every one decrypts), else {@code secretbox:key1}, followed by
 * the old {@code aescbc:key1} while the state directory still holds it, so a cluster provisioned before
 * secretbox keeps reading its Secrets. Rotation is done by editing the list (see docs/security-cluster.md).
 */
public final class EncryptionKeys {
    private final Path stateDirectory;
    private final Map<EncryptionKeyRef, EncryptionKey> keys = new java.util.concurrent.ConcurrentHashMap<>();

    public EncryptionKeys(Path stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    /** The keys for {@code inventory}, in the order the EncryptionConfiguration lists them. */
    public List<EncryptionKeyRef> refs(Inventory inventory) {
        List<EncryptionKeyRef> listed = inventory.cluster().security().encryptionKeys();
        if (!listed.isEmpty()) {
            return listed;
        }
        List<EncryptionKeyRef> out = new ArrayList<>(List.of(EncryptionKeyRef.defaultKey()));
        if (Files.isRegularFile(stateDirectory.resolve("secrets").resolve(EncryptionKey.FILE))) {
            out.add(new EncryptionKeyRef(EncryptionKeyRef.Provider.AESCBC, "key1"));
        }
        return out;
    }

    /** The key material of {@code ref}, Base64; a secretbox key is made on first use. */
    public String base64(EncryptionKeyRef ref) {
        return keys.computeIfAbsent(ref, r -> EncryptionKey.of(stateDirectory, r)).base64();
    }

    /**
     * The template model: consecutive keys of one provider grouped into one provider entry, e.g.
     * {@code [{type: secretbox, keys: [{name, secret}, ...]}, {type: aescbc, ...}]}.
     */
    public List<Map<String, Object>> providers(Inventory inventory) {
        List<Map<String, Object>> out = new ArrayList<>();
        EncryptionKeyRef.Provider last = null;
        List<Map<String, String>> current = null;
        for (EncryptionKeyRef ref : refs(inventory)) {
            if (ref.provider() != last) {
                current = new ArrayList<>();
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("type", ref.provider().name().toLowerCase(Locale.ROOT));
                p.put("keys", current);
                out.add(p);
                last = ref.provider();
            }
            current.add(Map.of("name", ref.name(), "secret", base64(ref)));
        }
        return out;
    }
}
