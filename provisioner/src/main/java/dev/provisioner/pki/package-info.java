/**
 * The cluster's PKI in pure Java (BouncyCastle builders, JDK key types): three CAs, the
 * service-account key pair and every certificate of K8S-REFERENCE §3, kept in a local state
 * directory and handed to the engine as per-host files.
 *
 * <p>Entry point: {@link dev.provisioner.pki.ClusterPki}. Results: {@link dev.provisioner.pki.PkiBundle}
 * (files per host, credentials, what changed) and {@link dev.provisioner.pki.CertificateStatus}
 * (expiry). On-host paths: {@link dev.provisioner.pki.HostPaths}; names in the state directory:
 * {@link dev.provisioner.pki.PkiNames}.
 *
 * <p>State layout ({@code <state>/pki}, folders 0700, keys 0600, certificates and {@code sa.pub} 0644):
 * <pre>
 * ca.{crt,key}  front-proxy-ca.{crt,key}  etcd/ca.{crt,key}  sa.{key,pub}
 * apiserver  apiserver-kubelet-client  apiserver-etcd-client  front-proxy-client
 * admin  super-admin  controller-manager  scheduler  kube-proxy  flannel-etcd-client  registry   (.crt/.key)
 * etcd/healthcheck-client  etcd/&lt;member&gt;/{server,peer}  kubelet/&lt;node&gt;/{client,server}    (.crt/.key)
 * apps/&lt;name&gt;.{crt,key}   (provisioner certs issue)
 * </pre>
 *
 * <p>Only JDK types and this package's own appear in public signatures; BouncyCastle stays inside.
 *
 * <p>Place in the flow: model -> plan: the cluster's certificates are part of the desired state the components place on hosts. Layer: above inventory and transport.
 */
package dev.provisioner.pki;
