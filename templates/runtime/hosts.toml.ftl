# Managed by provisioner (cluster ${cluster}): how containerd reaches the registry ${endpoint}.
# Read on every pull; no restart needed.
server = ${toml(url)}

[host.${toml(url)}]
  capabilities = ["pull", "resolve", "push"]
<#if skipVerify>
  # registry.insecure is true: certificates are NOT verified (testing only).
  skip_verify = true
<#elseif tls>
  ca = ${toml(ca)}
</#if>
