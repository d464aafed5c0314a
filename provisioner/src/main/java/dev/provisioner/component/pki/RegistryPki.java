package dev.provisioner.component.pki;

import dev.provisioner.component.registry.RegistryTls;
import dev.provisioner.pki.HostPaths;
import dev.provisioner.step.Phase;
import dev.provisioner.step.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registry TLS with a certificate from the cluster CA (the default when {@code cluster.registry.tls} is
 * true): the paths the registry serves with, and the registry phase with a step that places the files.
 */
public final class RegistryPki {
    /** The certificate, key and CA the PKI puts on the registry host. */
    public static final RegistryTls TLS = new RegistryTls(HostPaths.REGISTRY_CERT, HostPaths.REGISTRY_KEY,
            Optional.of(HostPaths.REGISTRY_CA_CERT));

    private RegistryPki() {
    }

    /**
     * {@code registryPhase} with the certificate step inserted after its first step (the package, which
     * creates the service user the key's group belongs to; within a host's batch packages are installed
     * before any file is placed anyway).
     */
    public static Phase withCertificates(Phase registryPhase, PkiSupply pki) {
        List<Step> steps = new ArrayList<>(registryPhase.steps());
        steps.add(steps.isEmpty() ? 0 : 1, new RegistryCertificatesStep(pki));
        return new Phase(registryPhase.title(), registryPhase.hosts(), steps, registryPhase.parallelism(), registryPhase.barrier());
    }
}
