/**
 * Day-2: rolling upgrades: the version-skew rules, the preflight that reads installed versions, and
 * the rolling plan (control plane one at a time, nodes in batches).
 *
 * <p>Place in the flow: plan -> facts: it reshapes the plan and checks the hosts before the engine
 * applies it. Layer: day-2 operations.
 */
package dev.provisioner.ops.upgrade;
