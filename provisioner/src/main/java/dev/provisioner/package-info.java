/**
 * The library's root: its version and the base of its exceptions ({@link
 * dev.provisioner.ProvisionerException}), and the one secret holder ({@link dev.provisioner.Secret}).
 *
 * <p>Place in the flow: under the whole flow inventory -> model -> plan -> facts -> actions -> events
 * -> report; every stage may throw its exceptions. Layer: foundation.
 */
package dev.provisioner;
