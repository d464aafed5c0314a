/**
 * The private container registry: package, configuration, htpasswd, TLS and service.
 *
 * <p>Place in the flow: model -> plan: contributes the registry phase. Layer: components.
 */
package dev.provisioner.component.registry;
