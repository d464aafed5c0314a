# Managed by provisioner (cluster ${cluster}); local edits are replaced on the next apply.
# Config version 3, for containerd ${containerdSeries}.
version = 3

[plugins]
  [plugins."io.containerd.cri.v1.images"]
    snapshotter = "overlayfs"
    [plugins."io.containerd.cri.v1.images".pinned_images]
      sandbox = ${toml(sandboxImage)}
    [plugins."io.containerd.cri.v1.images".registry]
      config_path = ${toml(certsDir)}
  [plugins."io.containerd.cri.v1.runtime"]
    [plugins."io.containerd.cri.v1.runtime".containerd]
      default_runtime_name = "runc"
      [plugins."io.containerd.cri.v1.runtime".containerd.runtimes.runc]
        runtime_type = "io.containerd.runc.v2"
        [plugins."io.containerd.cri.v1.runtime".containerd.runtimes.runc.options]
          SystemdCgroup = true
    [plugins."io.containerd.cri.v1.runtime".cni]
<#if cniBinDirsList>
      bin_dirs = [${toml(cniBinDir)}]
<#else>
      bin_dir = ${toml(cniBinDir)}
</#if>
      conf_dir = ${toml(cniConfDir)}
