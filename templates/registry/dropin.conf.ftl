# Managed by provisioner: run the registry with the configuration provisioner writes.
[Service]
ExecStart=
ExecStart=${binary} serve ${configPath}
Restart=on-failure
RestartSec=2
