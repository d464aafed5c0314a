package dev.provisioner.inventory;

/** The installable components; each has a version and an install source. */
public enum Component { KUBERNETES, ETCD, FLANNEL, CONTAINERD, REGISTRY }
