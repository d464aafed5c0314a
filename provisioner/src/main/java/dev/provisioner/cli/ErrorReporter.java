package dev.provisioner.cli;

import dev.provisioner.inventory.InventoryException;
import dev.provisioner.transport.AuthenticationException;
import dev.provisioner.transport.CommandFailedException;
import dev.provisioner.transport.CommandTimeoutException;
import dev.provisioner.transport.HostKeyException;
import dev.provisioner.transport.SudoException;
import dev.provisioner.transport.UnreachableException;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Turns an exception that escaped a command into one line on stderr (a stack trace only with
 * {@code --debug}) and a documented exit code.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        err.println("error: " + ex.getMessage());
        if (parsed.hasMatchedOption("--debug") || hasDebug(parsed)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return exitCode(ex);
    }

    private static boolean hasDebug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof HostKeyException || ex instanceof AuthenticationException || ex instanceof UnreachableException) {
            return ExitCodes.UNREACHABLE;
        }
        if (ex instanceof CommandTimeoutException) {
            return ExitCodes.TIMEOUT;
        }
        if (ex instanceof CommandFailedException || ex instanceof SudoException) {
            return ExitCodes.STEP_FAILED;
        }
        if (ex instanceof CommandLine.ParameterException || ex instanceof InventoryException) {
            return ExitCodes.INVALID_INPUT;
        }
        return ExitCodes.ERROR;
    }
}
