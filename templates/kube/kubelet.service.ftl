# Managed by provisioner. Kubernetes ${line(version)} kubelet. Only command-line-only settings live here
# (kubeconfig, config, node IP, labels); every other setting is in the KubeletConfiguration.
# No --hostname-override (CIS 4.2.7): the node name is the host name, which equals the inventory name.
[Unit]
Description=Kubernetes Kubelet
Documentation=https://kubernetes.io/docs/reference/command-line-tools-reference/kubelet/
After=containerd.service
Requires=containerd.service

[Service]
EnvironmentFile=${unit(envFile)}
ExecStart=${exec(binDir)}/kubelet \
  --config=${exec(config)} \
  --kubeconfig=${exec(kubeconfig)} \
  $KUBELET_ARGS
Restart=always
RestartSec=10

[Install]
WantedBy=multi-user.target
