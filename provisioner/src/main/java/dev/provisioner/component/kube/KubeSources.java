package dev.provisioner.component.kube;

import dev.provisioner.component.ComponentContext;
import dev.provisioner.component.pki.PkiSupply;
import dev.provisioner.pki.Credential;

/**
 * What the Kubernetes, flannel and add-on phases share within one plan: the PKI, the release files
 * and the Secrets encryption key, each obtained once on first use.
 *
 * @param pki           the cluster PKI
 * @param artifacts     the release files of the whole install
 * @param encryptionKeys the API server's encryption-at-rest keys
 */
public record KubeSources(PkiSupply pki, KubeArtifacts artifacts, EncryptionKeys encryptionKeys) {

    /** Everything from the context's state directory and artifacts settings, sharing {@code pki} with the PKI phase. */
    public static KubeSources from(ComponentContext context, PkiSupply pki) {
        return new KubeSources(pki, new KubeArtifacts(KubeArtifacts.resolverFor(context), InstallSet.binaries(context.inventory())),
                new EncryptionKeys(context.stateDirectory()));
    }

    /** Everything from the context, with the PKI ensured in its state directory on first use. */
    public static KubeSources from(ComponentContext context) {
        return from(context, PkiSupply.ensureIn(context.inventory(), context.stateDirectory()));
    }

    /** The credential {@code name} (see {@link dev.provisioner.pki.PkiNames}); fails naming it when absent. */
    public Credential credential(String name) {
        return pki.bundle().credential(name).orElseThrow(() -> new IllegalStateException(
                "the PKI has no certificate '" + name + "' (state directory " + pki.bundle().directory() + ")"));
    }

    /** What hosts trust for the CA {@code caName}: its certificate, and the other CA's too during a CA rotation. */
    public byte[] trust(String caName) {
        return pki.bundle().trust(caName);
    }

    /** The same sources with another artifact set (tests, embedders). */
    public KubeSources withArtifacts(KubeArtifacts other) {
        return new KubeSources(pki, other, encryptionKeys);
    }
}
