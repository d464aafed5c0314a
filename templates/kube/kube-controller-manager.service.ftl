# Managed by provisioner. Kubernetes ${version} controller manager (secure port 10257 on loopback only).
[Unit]
Description=Kubernetes Controller Manager
Documentation=https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/
After=network-online.target kube-apiserver.service
Wants=network-online.target

[Service]
ExecStart=${binDir}/kube-controller-manager \
  --bind-address=127.0.0.1 \
  --kubeconfig=${kubeconfig} \
  --authentication-kubeconfig=${kubeconfig} \
  --authorization-kubeconfig=${kubeconfig} \
  --leader-elect=true \
  --client-ca-file=${pki.ca} \
  --requestheader-client-ca-file=${pki.frontProxyCa} \
  --root-ca-file=${pki.ca} \
  --service-account-private-key-file=${pki.saKey} \
  --cluster-signing-cert-file=${pki.ca} \
  --cluster-signing-key-file=${pki.caKey} \
  --use-service-account-credentials=true \
  --controllers=*,bootstrapsigner,tokencleaner \
  --service-cluster-ip-range=${serviceCidr} \
  --cluster-name=${clusterName} \
  --terminated-pod-gc-threshold=12500 \
  --profiling=false \
  --v=2
Restart=on-failure
RestartSec=5

[Install]
WantedBy=multi-user.target
