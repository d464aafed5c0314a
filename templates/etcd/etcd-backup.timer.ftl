# Managed by provisioner (cluster ${line(cluster)}): cluster.etcd.backup.schedule of member ${line(name)}.
[Unit]
Description=Scheduled etcd snapshots (member ${unit(name)}, ${unit(schedule)})

[Timer]
OnCalendar=${unit(schedule)}
# A run missed while the host was off happens at the next boot.
Persistent=true
Unit=${unit(service)}

[Install]
WantedBy=timers.target
