package dev.provisioner.examples;

import dev.provisioner.api.ClusterInventory;
import dev.provisioner.api.InvalidSetupException;
import dev.provisioner.api.OperationReport;
import dev.provisioner.api.ProvisionEvent;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.api.StepStatus;


import java.nio.file.Path;
import java.util.List;

/**
 * An installer that embeds provisioner through its facade only ({@code dev.provisioner.api}): it writes the
 * 2018 recipe's inventory in code (no file), listens to the run's events, plans, applies when something
 * would change, then checks the cluster's health. Phase names after the five arguments limit the run to
 * those phases (for instance {@code prepare-hosts} on machines without the Kubernetes release files);
 * the health check, which needs every component, then does not run.
 *
 * <pre>
 *   java -cp ... dev.provisioner.examples.EmbeddingExample ~/.ssh/id_ed25519 10.4.4.4 10.4.4.5 10.4.4.7 10.4.4.8
 *   java -cp ... dev.provisioner.examples.EmbeddingExample ~/.ssh/id_ed25519 10.4.4.4 10.4.4.5 10.4.4.7 10.4.4.8 prepare-hosts
 * </pre>
 */
public final class EmbeddingExample {

    public static void main(String[] args) {
        if (args.length < 5) {
            System.err.println("usage: EmbeddingExample KEY_FILE MASTER_IP NODE01_IP NODE02_IP REGISTRY_IP [PHASE...]");
            System.exit(2);
        }
        Path key = Path.of(args[0]);
        ClusterInventory inventory;
        try {
            inventory = inventory(key, args[1], args[2], args[3], args[4]);
        } catch (InvalidSetupException e) {
            e.problems().forEach(System.err::println);   // every problem at once, with its line and field
            System.exit(2);
            return;
        }

        List<String> phases = List.of(args).subList(5, args.length);
        Provisioner.Builder builder = Provisioner.builder()
                .inventory(inventory)
                .parallelism(4)
                .listener(EmbeddingExample::show);     // called from worker threads: keep it thread-safe
        if (!phases.isEmpty()) {
            builder.onlyPhases(phases);                 // an unknown phase name is refused with the known ones
        }
        Provisioner provisioner = builder.build();

        ProvisionReport plan = provisioner.plan();      // connects and gathers facts; changes nothing
        if (!plan.changed()) {
            System.out.println("already converged");
            return;
        }
        ProvisionReport applied = provisioner.apply();
        if (!applied.ok()) {
            // Each failure's kind was decided where it arose: unreachable, host key, auth, locked, timeout, ...
            applied.failures().forEach(f -> System.out.println(applied.kindOf(f) + ": " + f.message()));
            System.exit(1);
        }
        System.out.println("applied: " + applied.totals());
        if (!phases.isEmpty()) {
            System.out.println("health check skipped: only " + String.join(", ", phases) + " ran");
            return;
        }
        OperationReport health = provisioner.check(false);     // read-only: every component on every host
        health.outcomes().stream().filter(o -> o.status() == StepStatus.FAILED)
                .forEach(o -> System.out.println(o.host() + " " + o.item() + ": " + o.failure().orElseThrow() + " " + o.detail()));
        System.exit(health.ok() ? 0 : 1);
    }

    /** The recipe's inventory, written in code: four hosts, their addresses, one key. */
    static ClusterInventory inventory(Path key, String master, String node01, String node02, String registry) {
        return ClusterInventory.parse("""
                defaults:
                  auth: {keyFile: %s}
                hosts:
                  - {name: master, address: %s, roles: [master]}
                  - {name: node01, address: %s, roles: [node]}
                  - {name: node02, address: %s, roles: [node]}
                  - {name: registry, address: %s, roles: [registry]}
                cluster:
                  name: embedded
                  network: {etcdPrefix: /atomic.io/network}
                """.formatted(key, master, node01, node02, registry), "embedded");
    }

    private static void show(ProvisionEvent event) {
        if (event instanceof ProvisionEvent.StepFinished f) {
            System.out.printf("%-10s %-28s %s%n", f.report().host(), f.report().step(), f.report().status());
        }
    }
}
