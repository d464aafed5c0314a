package dev.provisioner.engine;

import dev.provisioner.step.Action;

/** An action with the step it belongs to, in a host's batch. */
record Planned(String step, Action action) {
}
