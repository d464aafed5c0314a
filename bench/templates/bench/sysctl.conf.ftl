# Managed by the provisioner benchmark (written, not applied: lab hosts share the kernel).
net.core.somaxconn = 1024
net.ipv4.tcp_keepalive_time = 600
