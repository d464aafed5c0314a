package dev.provisioner.inventory;

import java.util.Objects;

/**
 * One thing wrong (or worth a warning) in an inventory.
 *
 * @param file     the inventory file as given to the loader, or {@code <builder>} / the source name
 * @param line     1-based line, or 0 when the problem has no position (builder, whole-file problems)
 * @param column   1-based column, or 0
 * @param path     the YAML path of the value, e.g. {@code hosts[2].address}; empty for the whole file
 * @param field    the last key of the path, e.g. {@code address}; empty for the whole file
 * @param message  what is wrong
 * @param hint     how to fix it; may be empty
 * @param severity error or warning
 */
public record ValidationProblem(String file, int line, int column, String path, String field,
                                String message, String hint, Severity severity) {

    /** Errors make an inventory invalid; warnings are reported but do not stop a run. */
    public enum Severity { ERROR, WARNING }

    public ValidationProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
        Objects.requireNonNull(severity, "severity");
    }

    /** True for {@link Severity#ERROR}. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * One line in the compiler style:
     * {@code inventories/x.yaml:12:7: hosts[2].address: '10.4.4.300' is not a valid IPv4 address or host name (fix: ...)}.
     * Warnings carry {@code warning: } after the location; problems without a position show the file only.
     */
    public String format() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line).append(':').append(column);
        }
        sb.append(": ");
        if (severity == Severity.WARNING) {
            sb.append("warning: ");
        }
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        sb.append(message);
        if (!hint.isEmpty()) {
            sb.append(" (fix: ").append(hint).append(')');
        }
        return sb.toString();
    }
}
