package dev.provisioner.inventory;

/** What to do with a server's host key; written {@code strict}, {@code accept-new}, {@code insecure-accept-any}. */
public enum HostKeyPolicy {
    /** The key must already be in known_hosts. The default. */
    STRICT,
    /** Unknown hosts are recorded on first contact; changed keys are refused. */
    ACCEPT_NEW,
    /** Any key is accepted. Refused in an inventory: only the command line (--insecure-accept-any-host-key) may ask for it. */
    INSECURE_ACCEPT_ANY
}
