package dev.provisioner.cli;

/**
 * Input found wrong while a command runs, before it contacted any host: {@link ErrorReporter} prints
 * {@code error: MESSAGE} and exits {@link ExitCode#INVALID_INPUT} (without the usage text picocli
 * prints for a malformed command line).
 */
final class InvalidInputException extends RuntimeException {
    InvalidInputException(String message) {
        super(message);
    }
}
