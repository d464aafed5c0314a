/**
 * Cluster add-ons (CoreDNS and the like) applied through the first master's API server.
 *
 * <p>Place in the flow: model -> plan: contributes the add-ons phase; its steps compute actions from
 * facts. Layer: components.
 */
package dev.provisioner.component.addons;
