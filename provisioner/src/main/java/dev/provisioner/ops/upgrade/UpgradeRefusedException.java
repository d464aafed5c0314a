package dev.provisioner.ops.upgrade;

import dev.provisioner.ProvisionerException;

import java.util.List;

/** An upgrade upstream forbids (or whose installed versions could not be read); no host was changed. */
public class UpgradeRefusedException extends ProvisionerException {
    private final List<String> problems;

    public UpgradeRefusedException(List<String> problems) {
        super("upgrade refused, nothing was changed:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
