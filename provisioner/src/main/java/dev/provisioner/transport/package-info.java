/**
 * SSH as the library sees it, whatever the backend: commands, results, uploads, endpoints, auth, sudo,
 * host-key policy, secret masking, and typed failures ({@code UnreachableException}, {@code
 * HostKeyException}, {@code AuthenticationException}, {@code SudoException}, {@code
 * CommandTimeoutException}).
 *
 * <p>Place in the flow: carries facts queries and actions to the hosts and their output back. Layer:
 * foundation.
 */
package dev.provisioner.transport;
