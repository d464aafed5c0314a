package dev.provisioner.transport;

/** A command exited non-zero where the caller required success; carries exit code and stderr tail. */
public class CommandFailedException extends TransportException {
    private final transient CommandResult result;

    public CommandFailedException(CommandResult result) {
        super(result.host(), "'" + result.command() + "' exited " + result.exitCode()
                + (result.tail(10).isBlank() ? "" : ":\n" + result.tail(10)));
        this.result = result;
    }

    public CommandResult result() {
        return result;
    }
}
