# Managed by provisioner. Kubernetes ${line(version)} scheduler (secure port 10259 on loopback only).
# Flags only, as kubeadm does: with --config the scheduler would ignore --profiling.
[Unit]
Description=Kubernetes Scheduler
Documentation=https://kubernetes.io/docs/reference/command-line-tools-reference/kube-scheduler/
After=network-online.target kube-apiserver.service
Wants=network-online.target

[Service]
ExecStart=${exec(binDir)}/kube-scheduler \
  --bind-address=127.0.0.1 \
  --kubeconfig=${exec(kubeconfig)} \
  --authentication-kubeconfig=${exec(kubeconfig)} \
  --authorization-kubeconfig=${exec(kubeconfig)} \
  --leader-elect=true \
  --profiling=false \
  --v=2
Restart=on-failure
RestartSec=5

[Install]
WantedBy=multi-user.target
