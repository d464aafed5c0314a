package dev.provisioner.pki;

/**
 * A self-signed certificate authority.
 *
 * @param name       name in the state directory ({@code ca}, {@code etcd/ca}, {@code front-proxy-ca})
 * @param commonName its subject CN
 */
record CaSpec(String name, String commonName) {
    static final CaSpec KUBERNETES = new CaSpec(PkiNames.CA, "kubernetes-ca");
    static final CaSpec ETCD = new CaSpec(PkiNames.ETCD_CA, "etcd-ca");
    static final CaSpec FRONT_PROXY = new CaSpec(PkiNames.FRONT_PROXY_CA, "front-proxy-ca");
}
