package dev.provisioner.api;

import dev.provisioner.connect.ConnectionFactory;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.step.Plan;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The benchmark is a white-box harness: it replaces the standard plan with its workload and counts and times
 * connections with its own factory, both made of engine types that the facade keeps package-private (its
 * signatures name only JDK and api types). This class, in the api package but in the benchmark's jar, is the
 * benchmark's one door to them; embedders have no such door.
 */
public final class BenchEngineHooks {
    private BenchEngineHooks() {
    }

    /** A builder for {@code inventory} whose plan is {@code plan} (the standard one is replaced) and, when given, connections from {@code connections}. */
    public static Provisioner.Builder builder(Inventory inventory, UnaryOperator<Plan> plan, Optional<ConnectionFactory> connections) {
        Provisioner.Builder b = Provisioner.builder().inventory(inventory).customizePlan(plan);
        connections.ifPresent(b::connectionFactory);
        return b;
    }
}
