package dev.provisioner.template;

import dev.provisioner.ProvisionerException;

/**
 * A template could not be rendered: a missing template, a syntax error, or a value the template
 * used that the model did not define. The message names the template and the line.
 */
public class TemplateRenderException extends ProvisionerException {
    private final String template;
    private final int line;

    public TemplateRenderException(String template, int line, String message, Throwable cause) {
        super(template + (line > 0 ? ":" + line : "") + ": " + message, cause);
        this.template = template;
        this.line = line;
    }

    /** The template name, e.g. {@code registry/config.yml.ftl}. */
    public String template() {
        return template;
    }

    /** 1-based line of the problem, or 0 when the problem has no line (a missing template). */
    public int line() {
        return line;
    }
}
