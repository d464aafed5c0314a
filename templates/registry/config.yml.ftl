# Managed by provisioner (cluster ${cluster}); local edits are replaced on the next apply.
<#if readOnly>
# The pull endpoint: anyone who reaches ${addr} may pull; nothing can be written here (read-only
# mode). Pushes go to the push endpoint ${pushAddr}, which requires a password.
<#else>
# The push endpoint: every request needs the push user's password (htpasswd, bcrypt). Nodes pull
# from the read-only pull endpoint ${pullAddr} and hold no registry credentials.
</#if>
version: 0.1
log:
  level: ${yaml(logLevel)}
  fields:
    service: ${yaml(service)}
storage:
  filesystem:
    rootdirectory: ${yaml(storageDir)}
  delete:
    enabled: false
<#if readOnly>
  maintenance:
    readonly:
      enabled: true
    uploadpurging:
      enabled: false
</#if>
http:
  addr: ${yaml(addr)}
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
