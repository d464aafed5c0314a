# Managed by provisioner (cluster ${cluster}): kernel modules containerd, kube-proxy and flannel need.
<#list modules as m>
${m}
</#list>
