# Managed by the provisioner benchmark.
/var/log/bench/*.log {
    daily
    rotate 7
    compress
    missingok
    notifempty
}
