# Managed by provisioner. Kubernetes ${line(version)} controller manager (secure port 10257 on loopback only).
[Unit]
Description=Kubernetes Controller Manager
Documentation=https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/
After=network-online.target kube-apiserver.service
Wants=network-online.target

[Service]
ExecStart=${exec(binDir)}/kube-controller-manager \
  --bind-address=127.0.0.1 \
  --kubeconfig=${exec(kubeconfig)} \
  --authentication-kubeconfig=${exec(kubeconfig)} \
  --authorization-kubeconfig=${exec(kubeconfig)} \
  --leader-elect=true \
  --client-ca-file=${exec(pki.ca)} \
  --requestheader-client-ca-file=${exec(pki.frontProxyCa)} \
  --root-ca-file=${exec(pki.ca)} \
  --service-account-private-key-file=${exec(pki.saKey)} \
  --cluster-signing-cert-file=${exec(pki.ca)} \
  --cluster-signing-key-file=${exec(pki.caKey)} \
  --use-service-account-credentials=true \
  --controllers=*,bootstrapsigner,tokencleaner \
  --service-cluster-ip-range=${exec(serviceCidr)} \
  --cluster-name=${exec(clusterName)} \
  --terminated-pod-gc-threshold=12500 \
  --profiling=false \
  --v=2
Restart=on-failure
RestartSec=5

[Install]
WantedBy=multi-user.target
