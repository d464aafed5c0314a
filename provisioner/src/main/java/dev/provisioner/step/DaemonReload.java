package dev.provisioner.step;

import java.util.List;

/**
 * {@code systemctl daemon-reload}, added once per host batch by the engine when a unit file changed or a
 * unit was enabled (enabling does not reload by itself, see {@link EnsureUnit}).
 *
 * @param unitFiles    unit files written in the batch
 * @param enabledUnits units enabled in the batch
 */
public record DaemonReload(List<String> unitFiles, List<String> enabledUnits) implements Action {
    public DaemonReload {
        unitFiles = List.copyOf(unitFiles);
        enabledUnits = List.copyOf(enabledUnits);
    }

    /** A reload for changed unit files only. */
    public DaemonReload(List<String> unitFiles) {
        this(unitFiles, List.of());
    }

    @Override
    public String describe() {
        List<String> why = new java.util.ArrayList<>();
        if (!unitFiles.isEmpty()) {
            why.add("changed: " + String.join(", ", unitFiles));
        }
        if (!enabledUnits.isEmpty()) {
            why.add("enabled: " + String.join(", ", enabledUnits));
        }
        return "systemctl daemon-reload (" + String.join("; ", why) + ")";
    }

    @Override
    public Stage stage() {
        return Stage.DAEMON_RELOAD;
    }
}
