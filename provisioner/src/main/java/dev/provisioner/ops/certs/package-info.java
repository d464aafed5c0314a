/**
 * Day-2: certificates as the hosts serve them: the TLS certificate each host presents on the API server,
 * etcd client and peer, kubelet and registry ports, compared with the state directory's certificates.
 *
 * <p>Place in the flow: pki -> hosts: it reads what the PKI phase distributed, after the services
 * restarted, through the operation's host fan-out; it changes nothing. Layer: day-2 operations.
 */
package dev.provisioner.ops.certs;
