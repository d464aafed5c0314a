KUBELET_ARGS="${args}"
