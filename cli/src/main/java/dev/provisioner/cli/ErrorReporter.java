package dev.provisioner.cli;

import dev.provisioner.inventory.InventoryException;
import dev.provisioner.transport.AuthenticationException;
import dev.provisioner.transport.CommandFailedException;
import dev.provisioner.transport.CommandTimeoutException;
import dev.provisioner.transport.HostKeyException;
import dev.provisioner.transport.SecretMasker;
import dev.provisioner.transport.SudoException;
import dev.provisioner.transport.UnreachableException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * Turns an exception that escaped a command into one line on stderr (a stack trace only with
 * {@code --debug}) and a documented exit code; the inventory's secrets are masked in both.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        Throwable cause = unwrap(ex);
        if (cause instanceof InventoryException e) {
            InventoryFile.print(e, inventoryFile(parsed), err);
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        SecretMasker masker = masker(parsed);
        err.println("error: " + masker.mask(String.valueOf(cause.getMessage())));
        if (parsed.hasMatchedOption("--debug") || hasDebug(parsed)) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(masker.mask(trace.toString()));
        }
        err.flush();
        return exitCode(cause);
    }

    /**
     * The secrets of the command's inventory ({@code -i}), when it has one that loads: masked in the
     * message and the stack trace too, whatever a library put into an exception's cause.
     */
    static SecretMasker masker(CommandLine.ParseResult parsed) {
        Path inventory = inventoryFile(parsed);
        return inventory == null ? new SecretMasker()
                : ApplyRun.quietLoad(inventory).map(ApplyRun::masker).orElseGet(SecretMasker::new);
    }

    /** The inventory file of the command that ran (given with -i, or the default), or null when it takes none. */
    static Path inventoryFile(CommandLine.ParseResult parsed) {
        Path file = null;
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            CommandLine.Model.OptionSpec o = p.commandSpec().findOption("--inventory");
            if (o != null && o.getValue() != null) {
                file = o.getValue();
            }
        }
        return file;
    }

    /** The exception that matters, out of the wrappers that parallel work puts around it. */
    static Throwable unwrap(Throwable ex) {
        Throwable t = ex;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean hasDebug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    static int exitCode(Throwable thrown) {
        Throwable ex = unwrap(thrown);
        if (ex instanceof HostKeyException || ex instanceof AuthenticationException || ex instanceof UnreachableException) {
            return ExitCodes.UNREACHABLE;
        }
        if (ex instanceof CommandTimeoutException) {
            return ExitCodes.TIMEOUT;
        }
        if (ex instanceof CommandFailedException || ex instanceof SudoException) {
            return ExitCodes.STEP_FAILED;
        }
        if (ex instanceof CommandLine.ParameterException || ex instanceof InventoryException
                || ex instanceof InvalidInputException
                || ex instanceof dev.provisioner.api.InvalidSetupException) {
            return ExitCodes.INVALID_INPUT;
        }
        return ExitCodes.ERROR;
    }
}
