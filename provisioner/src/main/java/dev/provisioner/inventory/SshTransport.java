package dev.provisioner.inventory;

/** The SSH library that carries a run: {@code sshj} (default) or {@code jsch}. */
public enum SshTransport { SSHJ, JSCH }
