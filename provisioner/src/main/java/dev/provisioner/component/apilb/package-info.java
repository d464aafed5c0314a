/**
 * The node-local API load balancer: with several masters and no {@code cluster.apiEndpoint}, every host
 * that runs a kubelet but no API server gets haproxy (from the OS packages) listening on
 * {@code 127.0.0.1:6443}, passing TLS through to every master's API server and health-checking each
 * ({@code GET /readyz} over TLS with a client certificate of its own, the server verified against the
 * cluster CA). Its kubeconfigs name {@code https://127.0.0.1:6443}, so losing a master loses no node.
 * The same pattern as kubespray's and RKE's node-local proxies.
 *
 * <p>Place in the flow: model -> plan: contributes the api-lb phase. Layer: components.
 */
package dev.provisioner.component.apilb;
