/**
 * The Kubernetes control plane and node components: binaries, kubeconfigs, unit files, kernel
 * settings, encryption key, versions and sources.
 *
 * <p>Place in the flow: model -> plan: contributes the control-plane and node phases. Layer:
 * components.
 */
package dev.provisioner.component.kube;
