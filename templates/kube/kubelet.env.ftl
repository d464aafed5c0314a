KUBELET_ARGS=${env(args)}
