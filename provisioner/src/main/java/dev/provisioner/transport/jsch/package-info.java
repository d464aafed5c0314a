/**
 * The JSch backend of the transport ({@code com.github.mwiede:jsch}). Only {@link
 * dev.provisioner.transport.jsch.JschTransport} is public, and no JSch type appears in its
 * signatures. Host keys are checked by the backend's own known_hosts reader (plain, hashed,
 * wildcard, negated and revoked entries), plugged into JSch as a per-session HostKeyRepository.
 */
package dev.provisioner.transport.jsch;
