/**
 * FreeMarker templates (built in, or a directory searched first) rendered into file contents, with
 * escaping helpers.
 *
 * <p>Place in the flow: model -> plan: renders the desired file contents of steps. Layer: foundation.
 */
package dev.provisioner.template;
