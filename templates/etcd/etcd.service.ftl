# Managed by provisioner (cluster ${cluster}): etcd from ${installedFrom}; every setting is in ${confPath},
# the initial-cluster settings of this member's first start in ${initialEnvPath}.
[Unit]
Description=etcd key-value store (member ${name})
Documentation=https://etcd.io/docs
After=network-online.target local-fs.target remote-fs.target time-sync.target
Wants=network-online.target

[Service]
Type=notify
User=${user}
Group=${user}
EnvironmentFile=${confPath}
EnvironmentFile=-${initialEnvPath}
# The data directory belongs to etcd alone (0700): enforced before every start, also on a directory
# that a package or an operator created with other permissions.
ExecStartPre=+/usr/bin/install -d -m 0700 -o ${user} -g ${user} ${dataDir}
ExecStart=${binary}
Restart=always
RestartSec=5s
# A joining member waits until it caught up with the cluster before it reports ready.
TimeoutStartSec=180s
LimitNOFILE=65536

[Install]
WantedBy=multi-user.target
