/**
 * etcd as a component: install from release or package, its configuration and unit, joining new
 * members, the 3.4 -> 3.5 upgrade path, and the etcdctl invocation the day-2 operations reuse.
 *
 * <p>Place in the flow: model -> plan: contributes the etcd phase; its steps read facts and emit
 * actions. Layer: components.
 */
package dev.provisioner.component.etcd;
