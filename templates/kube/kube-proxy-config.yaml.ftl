# Managed by provisioner. clusterCIDR is the flannel network: traffic from outside it to a Service is masqueraded.
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
clientConnection:
  kubeconfig: ${kubeconfig}
mode: iptables
clusterCIDR: ${clusterCidr}
metricsBindAddress: 127.0.0.1:10249
healthzBindAddress: 0.0.0.0:10256
