# Managed by the provisioner benchmark: environment of bench-a.service.
BENCH_HOST=${sh(host)}
BENCH_ADDRESS=${sh(address)}
BENCH_LOG_LEVEL=${sh(logLevel)}
BENCH_PEERS=${sh(peers?join(","))}
