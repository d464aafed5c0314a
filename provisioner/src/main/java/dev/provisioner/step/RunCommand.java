package dev.provisioner.step;

/**
 * Run shell lines as root. The script is written by the step from constants and
 * {@link dev.provisioner.transport.Command#quote quoted} values only.
 *
 * @param description what it does, for plans and events
 * @param script      the shell lines
 * @param beforeFiles run before the files of the batch are placed (e.g. to create a user that owns them)
 */
public record RunCommand(String description, String script, boolean beforeFiles) implements Action {
    public static RunCommand of(String description, String script) {
        return new RunCommand(description, script, false);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Stage stage() {
        return beforeFiles ? Stage.BEFORE_FILES : Stage.COMMANDS;
    }
}
