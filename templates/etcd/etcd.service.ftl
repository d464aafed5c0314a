# Managed by provisioner (cluster ${line(cluster)}): etcd from ${line(installedFrom)}; every setting is in ${line(confPath)},
# the initial-cluster settings of this member's first start in ${line(initialEnvPath)}.
[Unit]
Description=etcd key-value store (member ${unit(name)})
Documentation=https://etcd.io/docs
After=network-online.target local-fs.target remote-fs.target time-sync.target
Wants=network-online.target

[Service]
Type=notify
User=${unit(user)}
Group=${unit(user)}
EnvironmentFile=${unit(confPath)}
EnvironmentFile=-${unit(initialEnvPath)}
# The data directory belongs to etcd alone (0700): enforced before every start, also on a directory
# that a package or an operator created with other permissions.
ExecStartPre=+/usr/bin/install -d -m 0700 -o ${exec(user)} -g ${exec(user)} ${exec(dataDir)}
ExecStart=${exec(binary)}
Restart=always
RestartSec=5s
# A joining member waits until it caught up with the cluster before it reports ready.
TimeoutStartSec=180s
LimitNOFILE=65536

[Install]
WantedBy=multi-user.target
