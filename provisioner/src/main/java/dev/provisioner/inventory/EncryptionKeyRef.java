package dev.provisioner.inventory;

/**
 * One key of the API server's encryption at rest, as {@code cluster.encryption.keys} lists it
 * ({@code secretbox:key2}). The key material lives in the state directory, never in the inventory.
 *
 * @param provider the EncryptionConfiguration provider
 * @param name     the key's name ({@code [a-z0-9-]}, at most 32 characters)
 */
public record EncryptionKeyRef(Provider provider, String name) {
    /** The providers a key may belong to; only secretbox may encrypt, aescbc is kept readable for migration. */
    public enum Provider {
        SECRETBOX, AESCBC
    }

    /** The default list: one secretbox key called key1. */
    public static EncryptionKeyRef defaultKey() {
        return new EncryptionKeyRef(Provider.SECRETBOX, "key1");
    }

    @Override
    public String toString() {
        return Fields.yamlName(provider) + ":" + name;
    }
}
