/**
 * Connection plumbing: maps inventory hosts to SSH endpoints and registers their secrets ({@code
 * Endpoints}), opens connections ({@code ConnectionFactory}, default {@code SshConnections}) with the
 * transport of the chosen kind ({@code Transports}).
 *
 * <p>Place in the flow: between the inventory and the hosts: every facts query and action travels
 * over what this package opens. Layer: above transport and inventory, below the operation context
 * users.
 */
package dev.provisioner.connect;
