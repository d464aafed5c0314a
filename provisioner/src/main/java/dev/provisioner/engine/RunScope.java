package dev.provisioner.engine;

import dev.provisioner.operation.HostFanOut;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.template.TemplateRenderer;
import dev.provisioner.transport.SecretMasker;

/** What every host worker of one run shares, the hosts' run locks included ({@link RunLocks}). */
record RunScope(String runId, Mode mode, Inventory inventory, TemplateRenderer templates, ExecObserver observer,
                SecretMasker masker, HostFanOut fanOut, RunLocks locks) {

    /** A scope whose locks cover only the host that is about to change (tests of one host). */
    RunScope(String runId, Mode mode, Inventory inventory, TemplateRenderer templates, ExecObserver observer,
             SecretMasker masker, HostFanOut fanOut) {
        this(runId, mode, inventory, templates, observer, masker, fanOut, new RunLocks(fanOut));
    }
}
