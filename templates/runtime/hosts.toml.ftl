# Managed by provisioner (cluster ${cluster}): how containerd reaches the registry ${endpoint}.
# Read on every pull; no restart needed. Pull only: this endpoint is read-only and nodes hold no push
# credentials (pushes go to the registry's push endpoint, port + 1, with its password).
server = ${toml(url)}

[host.${toml(url)}]
  capabilities = ["pull", "resolve"]
<#if skipVerify>
  # registry.insecure is true: certificates are NOT verified (testing only).
  skip_verify = true
<#elseif tls>
  ca = ${toml(ca)}
</#if>
