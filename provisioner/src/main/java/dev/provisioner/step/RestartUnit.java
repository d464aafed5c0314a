package dev.provisioner.step;

import dev.provisioner.transport.Command;

import java.util.List;

/**
 * A triggered {@link RestartOnChange}: restart {@code unit} because {@code triggeredBy} changed.
 * Created by the engine, not by steps.
 */
public record RestartUnit(String unit, List<String> triggeredBy) implements Action {
    public RestartUnit {
        triggeredBy = List.copyOf(triggeredBy);
    }

    @Override
    public String describe() {
        return "restart " + unit + " (changed: " + String.join(", ", triggeredBy) + ")";
    }

    @Override
    public Stage stage() {
        return Stage.HANDLERS;
    }

    public String script() {
        return "systemctl restart " + Command.quote(unit) + "\n";
    }
}
