package dev.provisioner.pki;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of {@link ClusterPki#ensure}: for every inventory host the PKI files it must hold (in
 * inventory order; a host with nothing to receive has an empty list), the credentials for building
 * kubeconfigs, and what the ensure created, reused or reissued. Only JDK types and this package's
 * own appear here.
 *
 * <pre>{@code
 * PkiBundle pki = ClusterPki.standard().ensure(inventory, stateDir);
 * pki.changes().forEach(c -> log.info(c.format()));
 * for (HostFile f : pki.filesFor("node01")) {
 *     connection.upload(f.toUpload());       // 0600 keys, 0644 certificates, owner root (etcd's: etcd)
 * }
 * byte[] caPem = pki.credential(PkiNames.CA).orElseThrow().certificatePem();
 * }</pre>
 */
public final class PkiBundle {
    private final Path directory;
    private final Map<String, List<HostFile>> files;
    private final Map<String, Credential> credentials;
    private final List<PkiChange> changes;
    private final Map<String, byte[]> trust;

    PkiBundle(Path directory, Map<String, List<HostFile>> files, Map<String, Credential> credentials, List<PkiChange> changes) {
        this(directory, files, credentials, Map.of(), changes);
    }

    PkiBundle(Path directory, Map<String, List<HostFile>> files, Map<String, Credential> credentials, Map<String, byte[]> trust,
              List<PkiChange> changes) {
        this.trust = Map.copyOf(trust);
        this.directory = directory;
        this.files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        this.credentials = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(credentials));
        this.changes = List.copyOf(changes);
    }

    /** The {@code <state>/pki} folder the bundle was read from. */
    public Path directory() {
        return directory;
    }

    /** The files host {@code hostName} must receive; empty for a host not in the inventory. */
    public List<HostFile> filesFor(String hostName) {
        return files.getOrDefault(hostName, List.of());
    }

    /** Every host's files, by host name in inventory order. */
    public Map<String, List<HostFile>> filesByHost() {
        return files;
    }

    /** The certificate called {@code name} (see {@link PkiNames}) with its private key. */
    public Optional<Credential> credential(String name) {
        return Optional.ofNullable(credentials.get(name));
    }

    /**
     * What hosts trust for the CA called {@code caName} ({@link PkiNames#CA}, {@link PkiNames#ETCD_CA},
     * {@link PkiNames#FRONT_PROXY_CA}), PEM: its certificate, and during a CA rotation the other CA's as well
     * (the current one first). Kubeconfigs' {@code certificate-authority-data} is this.
     */
    public byte[] trust(String caName) {
        byte[] pem = trust.get(caName);
        if (pem != null) {
            return pem.clone();
        }
        return credential(caName).orElseThrow(() -> new IllegalArgumentException("no CA " + caName + " in the bundle"))
                .certificatePem();
    }

    /** Names of every certificate in the bundle: the three CAs and every leaf the inventory needs. */
    public List<String> certificateNames() {
        return List.copyOf(credentials.keySet());
    }

    /** One entry per certificate (and the service-account key pair), in issue order. */
    public List<PkiChange> changes() {
        return changes;
    }

    /** True when anything was created or reissued: the hosts need new files. */
    public boolean changed() {
        return changes.stream().anyMatch(c -> c.outcome() != PkiChange.Outcome.REUSED);
    }
}
