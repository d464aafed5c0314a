# Managed by provisioner: run the registry with the configuration provisioner writes.
[Service]
ExecStart=
ExecStart=${exec(binary)} serve ${exec(configPath)}
Restart=on-failure
RestartSec=2
