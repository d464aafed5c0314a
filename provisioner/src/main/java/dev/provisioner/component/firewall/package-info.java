/**
 * The host firewall: where ufw (Ubuntu) or firewalld (RHEL family) is active, the ports a host's roles
 * serve are opened in it, the way the distribution's tool records them; where neither runs, nothing.
 *
 * <p>Place in the flow: model -> plan: contributes the host-firewall phase. Layer: components.
 */
package dev.provisioner.component.firewall;
