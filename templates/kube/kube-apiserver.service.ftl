# Managed by provisioner. Kubernetes ${version} API server: secure port only, TLS to etcd and kubelets.
[Unit]
Description=Kubernetes API Server
Documentation=https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
After=network-online.target
Wants=network-online.target

[Service]
ExecStart=${binDir}/kube-apiserver \
  --advertise-address=${advertiseAddress} \
  --bind-address=0.0.0.0 \
  --secure-port=${securePort?c} \
  --allow-privileged=true \
  --anonymous-auth=false \
  --authorization-mode=Node,RBAC \
  --enable-admission-plugins=NodeRestriction,DenyServiceExternalIPs,EventRateLimit,AlwaysPullImages \
  --admission-control-config-file=${admissionConfig} \
  --client-ca-file=${pki.ca} \
  --tls-cert-file=${pki.apiserverCert} \
  --tls-private-key-file=${pki.apiserverKey} \
  --tls-cipher-suites=${tlsCipherSuites} \
  --kubelet-client-certificate=${pki.kubeletClientCert} \
  --kubelet-client-key=${pki.kubeletClientKey} \
  --kubelet-certificate-authority=${pki.ca} \
  --kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname \
  --etcd-servers=${etcdServers} \
  --etcd-cafile=${pki.etcdCa} \
  --etcd-certfile=${pki.etcdClientCert} \
  --etcd-keyfile=${pki.etcdClientKey} \
  --service-account-issuer=${serviceAccountIssuer} \
  --service-account-key-file=${pki.saPub} \
  --service-account-signing-key-file=${pki.saKey} \
  --service-account-lookup=true \
  --service-account-extend-token-expiration=false \
  --service-cluster-ip-range=${serviceCidr} \
  --service-node-port-range=30000-32767 \
  --requestheader-client-ca-file=${pki.frontProxyCa} \
  --requestheader-allowed-names=front-proxy-client \
  --requestheader-username-headers=X-Remote-User \
  --requestheader-group-headers=X-Remote-Group \
  --requestheader-extra-headers-prefix=X-Remote-Extra- \
  --proxy-client-cert-file=${pki.frontProxyClientCert} \
  --proxy-client-key-file=${pki.frontProxyClientKey} \
  --encryption-provider-config=${encryptionConfig} \
  --audit-policy-file=${auditPolicy} \
  --audit-log-path=${auditLog} \
  --audit-log-maxage=30 \
  --audit-log-maxbackup=10 \
  --audit-log-maxsize=100 \
  --profiling=false \
  --request-timeout=60s \
  --v=2
Restart=on-failure
RestartSec=5
LimitNOFILE=65536

[Install]
WantedBy=multi-user.target
