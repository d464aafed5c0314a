/**
 * Day-2: saved plans ({@code plan --out FILE}, {@code apply --plan FILE}): the exact actions per host with
 * the facts they were computed from and digests of the inventory, the templates and every desired file,
 * written as reviewable text without a secret in clear; and the comparison that makes an apply refuse,
 * changing nothing, when anything the plan was computed from has changed.
 *
 * <p>Place in the flow: engine -> saved plan: it records what a plan run computed and gates an apply run's
 * preflight (through {@link dev.provisioner.engine.FactsGate}) on the hosts being as recorded. Layer: day-2
 * operations.
 */
package dev.provisioner.ops.savedplan;
