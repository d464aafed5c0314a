# Managed by provisioner (cluster ${cluster}): kernel settings Kubernetes networking needs.
<#list sysctls as s>
${s.key} = ${s.value}
</#list>
