# Managed by provisioner (cluster ${line(cluster)}): one etcd snapshot of member ${line(name)} into ${line(dir)}.
# Started by ${line(timer)}; start it by hand with: systemctl start ${line(service)}
[Unit]
Description=etcd snapshot into ${unit(dir)} (member ${unit(name)})
After=network-online.target ${unit(etcdUnit)}

[Service]
Type=oneshot
# The directory is root's alone (0700), enforced before every run, also on one made by someone else.
ExecStartPre=+/usr/bin/install -d -m 0700 -o root -g root ${exec(dir)}
ExecStart=${exec(script)}
UMask=0077
Nice=10
IOSchedulingClass=idle
# Least privilege: root without capabilities, the file system read-only except the backup directory.
CapabilityBoundingSet=
NoNewPrivileges=yes
ProtectSystem=strict
# "-": the directory is made by ExecStartPre, after systemd prepared the namespace of that command.
ReadWritePaths=-${unit(dir)}
ProtectHome=yes
PrivateTmp=yes
PrivateDevices=yes
RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX
