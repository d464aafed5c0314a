/**
 * The managed block of /etc/hosts naming every inventory host.
 *
 * <p>Place in the flow: model -> plan: contributes the prepare-hosts phase. Layer: components.
 */
package dev.provisioner.component.hosts;
