# Managed by provisioner (cluster ${cluster}): images of ${upstream} are pulled from the private registry
# ${endpoint}, where apply pushed the cluster's images under ${upstream}/<path>.
# Read on every pull; no restart needed.
<#if fallback>
# cluster.install.imageFallback is true: an image missing there is pulled from ${upstream} itself.
server = ${toml(upstreamUrl)}
<#else>
# No fallback to ${upstream} (set cluster.install.imageFallback: true to allow it).
server = ${toml(registryUrl)}
</#if>

[host.${toml(mirrorUrl)}]
  capabilities = ["pull", "resolve"]
  override_path = true
<#if skipVerify>
  # registry.insecure is true: certificates are NOT verified (testing only).
  skip_verify = true
<#elseif tls>
  ca = ${toml(ca)}
</#if>
