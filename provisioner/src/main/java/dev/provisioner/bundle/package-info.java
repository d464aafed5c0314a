/**
 * Air-gap bundles: one tar made on a connected machine ({@link dev.provisioner.bundle.BundleCreator}) with every
 * release file an inventory needs for the chosen architectures, the lock file of their checksums and the
 * cluster's container images as OCI archives, described by {@code manifest.yaml} and covered by
 * {@code SHA256SUMS}. {@link dev.provisioner.bundle.BundleReader} verifies a bundle completely before anything
 * uses it and unpacks it into an artifacts directory, so an apply runs with no network access.
 *
 * <p>Place in the flow: inventory -> (release files and images of an air-gapped site) -> model. Layer: plan.
 */
package dev.provisioner.bundle;
