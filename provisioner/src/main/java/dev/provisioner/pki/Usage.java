package dev.provisioner.pki;

/** What a leaf certificate is for: its extended key usages (K8S-REFERENCE §3). */
enum Usage {
    /** serverAuth. */
    SERVER(true, false),
    /** clientAuth. */
    CLIENT(false, true),
    /** serverAuth and clientAuth: etcd server and peer certificates (etcd uses them both ways). */
    SERVER_AND_CLIENT(true, true);

    final boolean serverAuth;
    final boolean clientAuth;

    Usage(boolean serverAuth, boolean clientAuth) {
        this.serverAuth = serverAuth;
        this.clientAuth = clientAuth;
    }
}
