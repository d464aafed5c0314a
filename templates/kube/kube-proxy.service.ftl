# Managed by provisioner. Kubernetes ${line(version)} kube-proxy; settings in the KubeProxyConfiguration.
[Unit]
Description=Kubernetes Network Proxy
Documentation=https://kubernetes.io/docs/reference/command-line-tools-reference/kube-proxy/
After=network-online.target
Wants=network-online.target

[Service]
ExecStart=${exec(binDir)}/kube-proxy \
  --config=${exec(config)}
Restart=on-failure
RestartSec=5

[Install]
WantedBy=multi-user.target
