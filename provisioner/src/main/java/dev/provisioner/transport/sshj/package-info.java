/**
 * The sshj backend of the transport; no sshj type appears in a public signature.
 *
 * <p>Place in the flow: carries facts and actions to hosts. Layer: foundation (with transport).
 */
package dev.provisioner.transport.sshj;
