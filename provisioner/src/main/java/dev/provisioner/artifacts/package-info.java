/**
 * Release artifacts on the controller: a pinned catalogue of upstream release files with their SHA-256
 * ({@link dev.provisioner.artifacts.ArtifactCatalog}), and a resolver that turns a component, version and
 * architecture into verified local binaries ({@link dev.provisioner.artifacts.ArtifactResolver}), taking
 * them from an air-gapped artifacts directory, from the local cache, or by downloading them once.
 * Nothing here touches a host: the engine uploads and installs what this package returns.
 *
 * <p>Place in the flow: model -> plan -> actions: provides the verified release files that actions upload. Layer: foundation.
 */
package dev.provisioner.artifacts;
