package dev.provisioner.step;

import dev.provisioner.transport.Command;

/**
 * Make a systemd unit enabled and/or running.
 *
 * <p>{@code systemctl enable} reloads the whole systemd configuration, which costs about half a second of
 * CPU on a host, as much as {@code daemon-reload}. So units are enabled with {@code --no-reload} (the
 * enablement itself, {@code UnitFileState}, is right at once) and the engine runs one
 * {@code daemon-reload} after all of a batch's enables and unit files, before anything starts: it splits
 * "enable and start" into an enable (stage {@link Stage#ENABLE_UNITS}) and a start ({@link Stage#COMMANDS}).
 *
 * @param unit   unit name
 * @param enable run {@code systemctl enable --no-reload}
 * @param start  run {@code systemctl start}
 */
public record EnsureUnit(String unit, boolean enable, boolean start) implements Action {
    @Override
    public String describe() {
        return (enable && start ? "enable and start " : enable ? "enable " : "start ") + unit;
    }

    @Override
    public Stage stage() {
        return enable && !start ? Stage.ENABLE_UNITS : Stage.COMMANDS;
    }

    public String script() {
        StringBuilder s = new StringBuilder();
        if (enable) {
            s.append("systemctl enable --no-reload ").append(Command.quote(unit)).append('\n');
        }
        if (start) {
            s.append("systemctl start ").append(Command.quote(unit)).append('\n');
        }
        return s.toString();
    }
}
