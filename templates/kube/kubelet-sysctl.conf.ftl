# Managed by provisioner: the kernel settings the kubelet expects with protectKernelDefaults: true
# (it refuses to start when they differ).
vm.overcommit_memory = 1
vm.panic_on_oom = 0
kernel.panic = 10
kernel.panic_on_oops = 1
