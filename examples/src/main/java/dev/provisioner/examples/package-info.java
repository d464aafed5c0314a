/**
 * How an installer embeds the library through its facade.
 *
 * <p>Place in the flow: drives the whole flow through {@code dev.provisioner.api}.
 */
package dev.provisioner.examples;
