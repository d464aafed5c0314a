package dev.provisioner.api;

import dev.provisioner.connect.ConnectionFactory;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.step.Plan;

import java.util.function.UnaryOperator;

/**
 * White-box access for tests (of this module and, through the test jar, of the CLI module) to what the
 * facade keeps package-private because it is made of engine types: an inventory already loaded as the
 * engine's {@link Inventory}, an edited or replaced plan, connections opened another way (a scripted or
 * fault-injecting connection), the plan's phases. Embedders have none of this: the facade's signatures
 * name only JDK and api types ({@link ApiSignaturesTest}).
 */
public final class EngineHooks {
    private EngineHooks() {
    }

    /** A builder for an inventory the test already holds as the engine's type. */
    public static Provisioner.Builder builder(Inventory inventory) {
        return Provisioner.builder().inventory(inventory);
    }

    /** As {@link #builder(Inventory)}, with the standard plan edited (insert, replace, remove phases) or replaced. */
    public static Provisioner.Builder builder(Inventory inventory, UnaryOperator<Plan> edit) {
        return builder(inventory).customizePlan(edit);
    }

    /** As {@link #builder(Inventory)}, connections opened by {@code factory}. */
    public static Provisioner.Builder builder(Inventory inventory, ConnectionFactory factory) {
        return builder(inventory).connectionFactory(factory);
    }

    /** Adds a plan edit to {@code builder}. */
    public static Provisioner.Builder customizePlan(Provisioner.Builder builder, UnaryOperator<Plan> edit) {
        return builder.customizePlan(edit);
    }

    /** Connections for {@code builder} opened by {@code factory}. */
    public static Provisioner.Builder connectionFactory(Provisioner.Builder builder, ConnectionFactory factory) {
        return builder.connectionFactory(factory);
    }

    /** The phases {@code provisioner} runs. */
    public static Plan phases(Provisioner provisioner) {
        return provisioner.phases();
    }
}
