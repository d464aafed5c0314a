# Managed by provisioner. flannel ${line(version)}: leases this host's pod subnet and writes ${line(subnetFile)}.
[Unit]
Description=flannel overlay network (${unit(mode)})
Documentation=https://github.com/flannel-io/flannel
After=network-online.target
Wants=network-online.target
Before=containerd.service kubelet.service

[Service]
Type=notify
ExecStart=${exec(binDir)}/flanneld \
<#list flags as flag>
  ${exec(flag)} \
</#list>
  --subnet-file=${exec(subnetFile)}
Restart=always
RestartSec=5

[Install]
WantedBy=multi-user.target
