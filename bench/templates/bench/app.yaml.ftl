# Managed by the provisioner benchmark.
cluster: ${yaml(cluster)}
host: ${yaml(host)}
listen: ${yaml(address + ":" + port)}
peers:
<#list peers as p>
  - name: ${yaml(p)}
    port: ${port}
</#list>
limits:
  connections: 256
  timeoutSeconds: 30
