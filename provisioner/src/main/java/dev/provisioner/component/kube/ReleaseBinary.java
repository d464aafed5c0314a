package dev.provisioner.component.kube;

/**
 * One executable from a release artifact, installed on a host.
 *
 * @param component catalogue component ({@code kube-apiserver}, {@code flannel}, ...)
 * @param version   its version
 * @param name      the binary's name in the artifact ({@code flanneld})
 * @param path      where it is installed (mode 0755, root)
 */
public record ReleaseBinary(String component, String version, String name, String path) {
}
