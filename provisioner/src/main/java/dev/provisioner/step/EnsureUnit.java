package dev.provisioner.step;

import dev.provisioner.transport.Command;

/**
 * Make a systemd unit enabled and/or running.
 *
 * @param unit   unit name
 * @param enable run {@code systemctl enable}
 * @param start  run {@code systemctl start}
 */
public record EnsureUnit(String unit, boolean enable, boolean start) implements Action {
    @Override
    public String describe() {
        return (enable && start ? "enable and start " : enable ? "enable " : "start ") + unit;
    }

    @Override
    public Stage stage() {
        return Stage.COMMANDS;
    }

    public String script() {
        StringBuilder s = new StringBuilder();
        if (enable) {
            s.append("systemctl enable ").append(Command.quote(unit)).append('\n');
        }
        if (start) {
            s.append("systemctl start ").append(Command.quote(unit)).append('\n');
        }
        return s.toString();
    }
}
