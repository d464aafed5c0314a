/**
 * flanneld on every node: its files and its phase.
 *
 * <p>Place in the flow: model -> plan: contributes the flannel phase. Layer: components.
 */
package dev.provisioner.component.flannel;
