/**
 * The CIS gate: the configuration a plan renders (built-in templates or {@code --templates} overrides alike)
 * checked with the CIS checker ({@code provisioner-cis}) before any host is contacted. A decidable check
 * that fails refuses the run unless {@code cluster.cis.exceptions} accepts it with a reason.
 *
 * <pre>{@code
 * CisVerdict v = CisGate.evaluate(inventory, PlanRenderer.render(plan, inventory, templates, Set.of()));
 * if (!v.passed()) { ... v.refusals() ... }
 * }</pre>
 * <p>Place in the flow: plan -> (rendered files checked here) -> facts. Layer: plan, beside the standard plan.
 */
package dev.provisioner.cisgate;
