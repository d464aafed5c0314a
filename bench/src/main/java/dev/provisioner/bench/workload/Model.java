package dev.provisioner.bench.workload;

import dev.provisioner.step.StepContext;

import java.util.List;
import java.util.Map;

/** The template model of one host: its name and address, the peer names, the port and the values. */
final class Model {
    static final int PORT = 7000;
    static final List<String> PEERS = List.of("bench-db", "bench-cache", "bench-queue");

    private Model() {
    }

    static Map<String, Object> of(StepContext ctx, WorkloadValues values) {
        return Map.of("cluster", "bench", "host", ctx.host().name(), "address", ctx.host().internalAddress(),
                "port", PORT, "peers", PEERS, "logLevel", values.logLevel());
    }
}
