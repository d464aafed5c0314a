# Managed by the provisioner benchmark: environment of bench-b.service.
BENCH_PORT=${port}
BENCH_BIND=${sh(address)}
