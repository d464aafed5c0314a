/**
 * Day-2 for etcd: snapshots with the PKI ({@code EtcdSnapshots}), restore of every member ({@code
 * EtcdRestore}), member list and removal through the surviving members ({@code EtcdMembership}); all
 * within an operation context, under the run lock when they change hosts.
 *
 * <p>Place in the flow: actions -> report on a running cluster. Layer: day-2 operations.
 */
package dev.provisioner.ops.etcd;
