/**
 * Container images the cluster itself needs (pause, CoreDNS, the smoke-test app), carried as OCI image
 * archives ({@code docker save} / {@code ctr image export} / OCI layout tars) in bundles and artifacts
 * directories so air-gapped nodes can run pods.
 */
package dev.provisioner.images;
