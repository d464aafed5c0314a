/**
 * The step model: a plan of phases of steps; a step reads facts and returns the actions that would
 * make the host as desired (files, units, packages), pure and testable without a host.
 *
 * <p>Place in the flow: plan -> facts -> actions: the vocabulary every component uses. Layer: above
 * facts, below components.
 */
package dev.provisioner.step;
