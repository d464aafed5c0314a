package dev.provisioner.ops.removal;

import java.util.List;

/**
 * What {@link NodeRemoval#remove} did, stage by stage, in order. A stage that failed stops the ones
 * after it (they are not in the list), so the host is never cleaned while it is still a member.
 */
public record RemovalReport(String host, List<RemovalStep> steps) {
    public RemovalReport {
        steps = List.copyOf(steps);
    }

    public boolean ok() {
        return steps.stream().noneMatch(s -> s.status() == RemovalStep.Status.FAILED);
    }
}
