package dev.provisioner.pki;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a leaf certificate must say: the inventory-derived desired state that a stored certificate is
 * compared with.
 *
 * @param name          name in the state directory, e.g. {@code kubelet/node01/client}
 * @param commonName    subject CN
 * @param organizations subject O values (Kubernetes groups), may be empty
 * @param usage         server, client or both
 * @param sans          subject alternative names, in the order they are written
 * @param issuer        the CA that signs it
 */
record CertSpec(String name, String commonName, List<String> organizations, Usage usage, List<San> sans, CaSpec issuer) {
    CertSpec {
        organizations = List.copyOf(organizations);
        sans = List.copyOf(new LinkedHashSet<>(sans));
    }

    static CertSpec client(String name, CaSpec issuer, String commonName, String... organizations) {
        return new CertSpec(name, commonName, List.of(organizations), Usage.CLIENT, List.of(), issuer);
    }

    static CertSpec server(String name, CaSpec issuer, String commonName, Set<San> sans) {
        return new CertSpec(name, commonName, List.of(), Usage.SERVER, List.copyOf(sans), issuer);
    }
}
