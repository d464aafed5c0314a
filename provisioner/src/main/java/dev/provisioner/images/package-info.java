/**
 * Container images the cluster itself needs (pause, CoreDNS, the smoke-test app), carried as OCI image
 * archives ({@code docker save} / {@code ctr image export} / OCI layout tars) in bundles and artifacts
 * directories so air-gapped nodes can run pods.
 *
 * <p>Place in the flow: model -> actions (images pushed into the private registry). Layer: reaching hosts.
 */
package dev.provisioner.images;
