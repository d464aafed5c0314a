package dev.provisioner.component.pki;

import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;

/**
 * The {@value #TITLE} phase: every host receives its share of the cluster PKI (keys 0600, certificates
 * 0644, root-owned; etcd's own files etcd-owned). Runs before the components that use the files
 * (registry, etcd, control plane, nodes), whose handlers restart them when a file they watch changed.
 */
public final class PkiPhase {
    public static final String TITLE = "pki";

    private PkiPhase() {
    }

    public static Phase create(PkiSupply pki) {
        return Phase.of(TITLE, HostSelector.all(), new PkiFilesStep(pki));
    }
}
