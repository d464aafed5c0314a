/**
 * Container images the cluster itself needs (pause, CoreDNS, the smoke-test app), carried as OCI image
 * archives ({@code docker save} / {@code ctr image export} / OCI layout tars) in bundles and artifacts
 * directories so air-gapped nodes can run pods. {@link dev.provisioner.images.ImagePuller} pulls them from their
 * registries into such archives (for bundles), {@link dev.provisioner.images.RegistryPusher} pushes archives into
 * the private registry; both speak the OCI distribution API through the shared bits of {@code RegistryHttp}.
 *
 * <p>Place in the flow: model -> actions (images pulled for bundles, pushed into the private registry). Layer: reaching hosts.
 */
package dev.provisioner.images;
