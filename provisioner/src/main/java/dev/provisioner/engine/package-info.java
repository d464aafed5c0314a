/**
 * The engine: runs a plan on the hosts ({@code Executor}): one session per host, facts gathered once,
 * each phase's actions batched in one script, rollouts in batches, results recorded per step.
 *
 * <p>Place in the flow: plan -> facts -> actions -> events: it gathers facts, computes and runs
 * actions, and emits events and step records (the api turns them into the report). Layer: above
 * plan and components, below the day-2 operations and api.
 */
package dev.provisioner.engine;
