# Managed by provisioner (cluster ${cluster}); local edits are replaced on the next apply.
# etcd member "${name}": TLS for clients and peers, client certificates required. The initial-cluster
# settings are in ${initialEnvPath}, written once when this member first joined (etcd reads them only
# on its first start), so adding or removing members never changes this file.
ETCD_NAME=${name}
ETCD_DATA_DIR=${dataDir}
ETCD_LISTEN_PEER_URLS=${peerUrl}
ETCD_LISTEN_CLIENT_URLS=${clientUrl},${localClientUrl}
ETCD_ADVERTISE_CLIENT_URLS=${clientUrl}
ETCD_CERT_FILE=${pki.serverCert}
ETCD_KEY_FILE=${pki.serverKey}
ETCD_TRUSTED_CA_FILE=${pki.ca}
ETCD_CLIENT_CERT_AUTH=true
ETCD_AUTO_TLS=false
ETCD_PEER_CERT_FILE=${pki.peerCert}
ETCD_PEER_KEY_FILE=${pki.peerKey}
ETCD_PEER_TRUSTED_CA_FILE=${pki.ca}
ETCD_PEER_CLIENT_CERT_AUTH=true
ETCD_PEER_AUTO_TLS=false
ETCD_LISTEN_METRICS_URLS=${metricsUrl}
