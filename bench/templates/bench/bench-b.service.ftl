# Managed by the provisioner benchmark.
[Unit]
Description=provisioner benchmark service B (port ${port}, ${host})
After=network.target

[Service]
EnvironmentFile=/etc/bench/b.env
ExecStart=/bin/sleep infinity
Restart=on-failure

[Install]
WantedBy=multi-user.target
