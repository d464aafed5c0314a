/**
 * What every component package shares: the context components contribute their phases from ({@code
 * ComponentContext}: inventory, state and artifact directories) and the versions record installed on
 * each host ({@code InstalledVersions}).
 *
 * <p>Place in the flow: model -> plan: components turn the validated model into phases of steps.
 * Layer: components (above step, below plan).
 */
package dev.provisioner.component;
