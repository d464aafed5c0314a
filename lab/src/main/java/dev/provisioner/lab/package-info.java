/**
 * The Docker lab: containers with sshd, systemd and apt that stand in for hosts, their keys, inventory
 * file and state.
 *
 * <p>Place in the flow: before the flow: provides hosts and an inventory for it to run on; the
 * library never depends on it.
 */
package dev.provisioner.lab;
