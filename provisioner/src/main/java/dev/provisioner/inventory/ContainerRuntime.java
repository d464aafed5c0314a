package dev.provisioner.inventory;

/** The CRI runtime on nodes; only {@code containerd} (dockershim was removed in Kubernetes 1.24). */
public enum ContainerRuntime { CONTAINERD }
