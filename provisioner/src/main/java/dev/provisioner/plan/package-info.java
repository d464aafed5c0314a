/**
 * The standard plan: every component's phases in their order ({@code StandardPlan}, {@code
 * KubePhases}).
 *
 * <p>Place in the flow: model -> plan. Layer: above components, below the engine.
 */
package dev.provisioner.plan;
