/**
 * The flannel network configuration stored in etcd.
 *
 * <p>Place in the flow: model -> plan: contributes the network-config phase. Layer: components.
 */
package dev.provisioner.component.network;
