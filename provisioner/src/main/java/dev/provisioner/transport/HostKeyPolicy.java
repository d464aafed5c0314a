package dev.provisioner.transport;

/** What to do with a server's host key. */
public enum HostKeyPolicy {
    /** The key must already be in known_hosts; unknown and changed keys are refused. The default. */
    STRICT,
    /** Unknown hosts are recorded in known_hosts on first contact; changed keys are still refused. */
    ACCEPT_NEW,
    /** Any key is accepted and nothing is recorded. Warns on every connection; for throw-away labs only. */
    INSECURE_ACCEPT_ANY
}
