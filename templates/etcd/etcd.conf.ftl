# Managed by provisioner (cluster ${line(cluster)}); local edits are replaced on the next apply.
# etcd member "${line(name)}": TLS for clients and peers, client certificates required. The initial-cluster
# settings are in ${line(initialEnvPath)}, written once when this member first joined (etcd reads them only
# on its first start), so adding or removing members never changes this file.
ETCD_NAME=${env(name)}
ETCD_DATA_DIR=${env(dataDir)}
ETCD_LISTEN_PEER_URLS=${env(peerUrl)}
ETCD_LISTEN_CLIENT_URLS=${env(clientUrl)},${env(localClientUrl)}
ETCD_ADVERTISE_CLIENT_URLS=${env(clientUrl)}
ETCD_CERT_FILE=${env(pki.serverCert)}
ETCD_KEY_FILE=${env(pki.serverKey)}
ETCD_TRUSTED_CA_FILE=${env(pki.ca)}
ETCD_CLIENT_CERT_AUTH=true
ETCD_AUTO_TLS=false
ETCD_PEER_CERT_FILE=${env(pki.peerCert)}
ETCD_PEER_KEY_FILE=${env(pki.peerKey)}
ETCD_PEER_TRUSTED_CA_FILE=${env(pki.ca)}
ETCD_PEER_CLIENT_CERT_AUTH=true
ETCD_PEER_AUTO_TLS=false
ETCD_LISTEN_METRICS_URLS=${env(metricsUrl)}
