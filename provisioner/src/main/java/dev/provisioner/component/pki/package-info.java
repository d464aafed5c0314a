/**
 * Puts the cluster PKI (from the pki package) on the hosts: certificate and key files per host,
 * registry certificates, service users.
 *
 * <p>Place in the flow: model -> plan: contributes the PKI phase. Layer: components.
 */
package dev.provisioner.component.pki;
