/**
 * The inventory: YAML loading and validation (every problem with file, line and field), and the
 * validated model ({@code Inventory}, {@code Host}, {@code Cluster}) that exists only when valid.
 *
 * <p>Place in the flow: inventory -> model: the first stage of the flow. Layer: foundation.
 */
package dev.provisioner.inventory;
