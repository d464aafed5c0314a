# Managed by provisioner (cluster ${cluster}); local edits are replaced on the next apply.
version: 0.1
log:
  level: ${yaml(logLevel)}
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: ${yaml(storageDir)}
  delete:
    enabled: true
http:
  addr: ${yaml(":" + port)}
  headers:
    X-Content-Type-Options: [nosniff]
<#if tls??>
  tls:
    certificate: ${yaml(tls.certificate)}
    key: ${yaml(tls.key)}
</#if>
<#if htpasswd??>
auth:
  htpasswd:
    realm: ${yaml(htpasswd.realm)}
    path: ${yaml(htpasswd.path)}
</#if>
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
