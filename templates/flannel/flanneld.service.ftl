# Managed by provisioner. flannel ${version}: leases this host's pod subnet and writes ${subnetFile}.
[Unit]
Description=flannel overlay network (${mode})
Documentation=https://github.com/flannel-io/flannel
After=network-online.target
Wants=network-online.target
Before=containerd.service kubelet.service

[Service]
Type=notify
ExecStart=${binDir}/flanneld \
<#list flags as flag>
  ${flag} \
</#list>
  --subnet-file=${subnetFile}
Restart=always
RestartSec=5

[Install]
WantedBy=multi-user.target
