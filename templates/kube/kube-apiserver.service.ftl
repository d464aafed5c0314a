# Managed by provisioner. Kubernetes ${line(version)} API server: secure port only, TLS to etcd and kubelets.
[Unit]
Description=Kubernetes API Server
Documentation=https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
After=network-online.target
Wants=network-online.target

[Service]
ExecStart=${exec(binDir)}/kube-apiserver \
  --advertise-address=${exec(advertiseAddress)} \
  --bind-address=0.0.0.0 \
  --secure-port=${securePort?c} \
  --allow-privileged=true \
  --anonymous-auth=false \
  --authorization-mode=Node,RBAC \
  --enable-admission-plugins=NodeRestriction,DenyServiceExternalIPs,EventRateLimit,AlwaysPullImages \
  --admission-control-config-file=${exec(admissionConfig)} \
  --client-ca-file=${exec(pki.ca)} \
  --tls-cert-file=${exec(pki.apiserverCert)} \
  --tls-private-key-file=${exec(pki.apiserverKey)} \
  --tls-cipher-suites=${exec(tlsCipherSuites)} \
  --kubelet-client-certificate=${exec(pki.kubeletClientCert)} \
  --kubelet-client-key=${exec(pki.kubeletClientKey)} \
  --kubelet-certificate-authority=${exec(pki.ca)} \
  --kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname \
  --etcd-servers=${exec(etcdServers)} \
  --etcd-cafile=${exec(pki.etcdCa)} \
  --etcd-certfile=${exec(pki.etcdClientCert)} \
  --etcd-keyfile=${exec(pki.etcdClientKey)} \
  --service-account-issuer=${exec(serviceAccountIssuer)} \
  --service-account-key-file=${exec(pki.saPub)} \
  --service-account-signing-key-file=${exec(pki.saKey)} \
  --service-account-lookup=true \
  --service-account-extend-token-expiration=false \
  --service-cluster-ip-range=${exec(serviceCidr)} \
  --service-node-port-range=30000-32767 \
  --requestheader-client-ca-file=${exec(pki.frontProxyCa)} \
  --requestheader-allowed-names=front-proxy-client \
  --requestheader-username-headers=X-Remote-User \
  --requestheader-group-headers=X-Remote-Group \
  --requestheader-extra-headers-prefix=X-Remote-Extra- \
  --proxy-client-cert-file=${exec(pki.frontProxyClientCert)} \
  --proxy-client-key-file=${exec(pki.frontProxyClientKey)} \
  --encryption-provider-config=${exec(encryptionConfig)} \
  --audit-policy-file=${exec(auditPolicy)} \
  --audit-log-path=${exec(auditLog)} \
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
