# Managed by the provisioner benchmark.
[Unit]
Description=provisioner benchmark service A (${host})
After=network.target

[Service]
EnvironmentFile=/etc/bench/a.env
ExecStart=/bin/sleep infinity
Restart=on-failure

[Install]
WantedBy=multi-user.target
