package dev.provisioner.step;

import java.util.List;

/** {@code systemctl daemon-reload}, added once per host batch by the engine when a unit file changed. */
public record DaemonReload(List<String> unitFiles) implements Action {
    public DaemonReload {
        unitFiles = List.copyOf(unitFiles);
    }

    @Override
    public String describe() {
        return "systemctl daemon-reload (changed: " + String.join(", ", unitFiles) + ")";
    }

    @Override
    public Stage stage() {
        return Stage.DAEMON_RELOAD;
    }
}
