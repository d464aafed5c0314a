# Managed by provisioner. Every security-relevant field is written out, whatever its default.
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
address: 0.0.0.0
port: 10250
readOnlyPort: 0
authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: true
    cacheTTL: 2m0s
  x509:
    clientCAFile: ${clientCaFile}
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 5m0s
    cacheUnauthorizedTTL: 30s
tlsCertFile: ${tlsCertFile}
tlsPrivateKeyFile: ${tlsPrivateKeyFile}
tlsMinVersion: VersionTLS12
tlsCipherSuites:
  - TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
  - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
  - TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
  - TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
  - TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305
  - TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305
rotateCertificates: true
protectKernelDefaults: true
makeIPTablesUtilChains: true
streamingConnectionIdleTimeout: 4h0m0s
eventRecordQPS: 50
podPidsLimit: 4096
seccompDefault: true
cgroupDriver: systemd
containerRuntimeEndpoint: unix:///run/containerd/containerd.sock
clusterDomain: ${yaml(clusterDomain)}
clusterDNS:
  - ${yaml(clusterDns)}
resolvConf: ${resolvConf}
registerNode: true
<#if controlPlaneTaint>
registerWithTaints:
  - key: ${taintKey}
    effect: NoSchedule
</#if>
failSwapOn: true
