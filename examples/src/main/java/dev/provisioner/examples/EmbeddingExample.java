package dev.provisioner.examples;

import dev.provisioner.api.ProvisionEvent;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.InventoryException;
import dev.provisioner.inventory.Role;

import java.nio.file.Path;

/**
 * An installer that embeds provisioner: it builds the 2018 recipe's inventory in code (no YAML file),
 * listens to the run's events, plans, and applies when something would change.
 *
 * <pre>
 *   java -cp ... dev.provisioner.examples.EmbeddingExample ~/.ssh/id_ed25519 10.4.4.4 10.4.4.5 10.4.4.7 10.4.4.8
 * </pre>
 */
public final class EmbeddingExample {

    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: EmbeddingExample KEY_FILE MASTER_IP NODE01_IP NODE02_IP REGISTRY_IP");
            System.exit(2);
        }
        Path key = Path.of(args[0]);
        Inventory inventory;
        try {
            inventory = Inventory.builder()
                    .clusterName("embedded")
                    .host("master", h -> h.address(args[1]).roles(Role.MASTER).keyFile(key))
                    .host("node01", h -> h.address(args[2]).roles(Role.NODE).keyFile(key))
                    .host("node02", h -> h.address(args[3]).roles(Role.NODE).keyFile(key))
                    .host("registry", h -> h.address(args[4]).roles(Role.REGISTRY).keyFile(key))
                    .set("cluster.network.etcdPrefix", "/atomic.io/network")
                    .build();
        } catch (InventoryException e) {
            System.err.println(e.format());   // every problem at once, with its YAML path
            System.exit(2);
            return;
        }

        Provisioner provisioner = Provisioner.builder()
                .inventory(inventory)
                .parallelism(4)
                .listener(EmbeddingExample::show)      // called from worker threads: keep it thread-safe
                .build();

        ProvisionReport plan = provisioner.plan();      // connects and gathers facts; changes nothing
        if (!plan.changed()) {
            System.out.println("already converged");
            return;
        }
        ProvisionReport applied = provisioner.apply();
        System.out.println(applied.ok() ? "applied: " + applied.totals() : "failed: " + applied.failures());
        System.exit(applied.ok() ? 0 : 1);
    }

    private static void show(ProvisionEvent event) {
        if (event instanceof ProvisionEvent.StepFinished f) {
            System.out.printf("%-10s %-28s %s%n", f.report().host(), f.report().step(), f.report().status());
        }
    }
}
