/**
 * Host prerequisites: packages, kernel modules, sysctl, swap off (live and persisted).
 *
 * <p>Place in the flow: model -> plan: contributes the prerequisites phase. Layer: components.
 */
package dev.provisioner.component.prereq;
