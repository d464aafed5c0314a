/**
 * Day-2: takes a host out of a running cluster ({@code NodeRemoval}): its Node object, its etcd
 * member, then the host itself, under the run lock.
 *
 * <p>Place in the flow: actions -> report. Layer: day-2 operations.
 */
package dev.provisioner.ops.removal;
