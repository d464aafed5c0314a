# Managed by provisioner (cluster ${cluster}); local edits are replaced on the next apply.
# Config version 2, for containerd ${containerdSeries}.
version = 2

[plugins]
  [plugins."io.containerd.grpc.v1.cri"]
    sandbox_image = ${toml(sandboxImage)}
    [plugins."io.containerd.grpc.v1.cri".containerd]
      snapshotter = "overlayfs"
      default_runtime_name = "runc"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
        runtime_type = "io.containerd.runc.v2"
        [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
          SystemdCgroup = true
    [plugins."io.containerd.grpc.v1.cri".cni]
      bin_dir = ${toml(cniBinDir)}
      conf_dir = ${toml(cniConfDir)}
    [plugins."io.containerd.grpc.v1.cri".registry]
      config_path = ${toml(certsDir)}
