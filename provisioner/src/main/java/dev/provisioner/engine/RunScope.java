package dev.provisioner.engine;

import dev.provisioner.operation.HostFanOut;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.template.TemplateRenderer;
import dev.provisioner.transport.SecretMasker;

/** What every host worker of one run shares. */
record RunScope(String runId, Mode mode, Inventory inventory, TemplateRenderer templates, ExecObserver observer,
                SecretMasker masker, HostFanOut fanOut) {
}
