/**
 * The JSch backend of the transport ({@code com.github.mwiede:jsch}). Only {@link
 * dev.provisioner.transport.jsch.JschTransport} is public, and no JSch type appears in its
 * signatures. known_hosts is read and matched by JSch's own {@code KnownHosts} (plain and hashed
 * entries, {@code [host]:port} names); the backend's per-session HostKeyRepository adds the policy
 * (strict, accept-new, insecure), marker handling and the locked append for accept-new.
 *
 * <p>Place in the flow: carries facts and actions to hosts. Layer: foundation (with transport).
 */
package dev.provisioner.transport.jsch;
