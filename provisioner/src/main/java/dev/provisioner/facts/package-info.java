/**
 * What a host looks like now: the one-round-trip facts script, its parser, and the typed facts (files,
 * units, packages, OS family).
 *
 * <p>Place in the flow: facts: gathered after the plan is known, read by steps to decide their
 * actions. Layer: above transport.
 */
package dev.provisioner.facts;
