/**
 * The container runtime (containerd, runc, CNI plugins): packages or release binaries, configuration,
 * unit, registry trust.
 *
 * <p>Place in the flow: model -> plan: contributes the container-runtime phase. Layer: components.
 */
package dev.provisioner.component.runtime;
