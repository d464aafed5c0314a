# Managed by provisioner (cluster ${cluster}): the registry's push endpoint ${addr} (password required),
# a second process of ${binary} on the same storage as ${pullUnit}, which serves pulls read-only.
[Unit]
Description=Container image registry, push endpoint (cluster ${cluster})
After=network-online.target
Wants=network-online.target

[Service]
User=${user}
Group=${user}
ExecStart=${binary} serve ${configPath}
Restart=on-failure
RestartSec=2
NoNewPrivileges=true

[Install]
WantedBy=multi-user.target
