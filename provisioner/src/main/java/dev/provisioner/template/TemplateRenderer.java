package dev.provisioner.template;

import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the project's FreeMarker templates. A user directory, when given, is searched before the
 * built-in templates (the jar's {@code templates/} folder), so a site can override any single file
 * by placing one with the same relative name there.
 *
 * <p>Strict and pure: a value the template uses but the model lacks is an error naming template and
 * line; numbers print in computer format ({@code 2379}, never {@code 2,379}); the same model always
 * gives the same bytes. Files named {@code *.xml.ftl} / {@code *.html.ftl} auto-escape; every other
 * kind (YAML, TOML, systemd units, shell) escapes explicitly with {@code ${yaml(v)}},
 * {@code ${json(v)}}, {@code ${toml(v)}} or {@code ${sh(v)}} (see {@link Escapes}); systemd units and
 * environment files with {@code ${exec(v)}}, {@code ${unit(v)}}, {@code ${env(v)}} and {@code ${line(v)}}
 * (see {@link SystemdEscapes}).
 *
 * <pre>{@code
 * TemplateRenderer templates = TemplateRenderer.create(Optional.of(Path.of("my-templates")));
 * String yaml = templates.render("registry/config.yml.ftl", Map.of("port", 5000, ...));
 * }</pre>
 *
 * Thread-safe.
 */
public final class TemplateRenderer {
    private final Configuration cfg;
    private final Optional<Path> overrideDir;

    private TemplateRenderer(Optional<Path> overrideDir) {
        this.overrideDir = overrideDir;
        this.cfg = FreemarkerSettings.create(overrideDir);
    }

    /** Built-in templates only. */
    public static TemplateRenderer builtIn() {
        return new TemplateRenderer(Optional.empty());
    }

    /** {@code overrideDir} (when present and existing) first, then the built-in templates. */
    public static TemplateRenderer create(Optional<Path> overrideDir) {
        overrideDir.filter(d -> !Files.isDirectory(d)).ifPresent(d -> {
            throw new TemplateRenderException(d.toString(), 0, "templates directory does not exist", null);
        });
        return new TemplateRenderer(overrideDir);
    }

    /** The user directory searched first, if any. */
    public Optional<Path> overrideDir() {
        return overrideDir;
    }

    /** Renders {@code name} (relative, e.g. {@code registry/config.yml.ftl}) with {@code model}. */
    public String render(String name, Map<String, ?> model) {
        Template template;
        try {
            template = cfg.getTemplate(name);
        } catch (TemplateNotFoundException e) {
            throw new TemplateRenderException(name, 0, "no such template (looked in "
                    + overrideDir.map(d -> d + " and ").orElse("") + "the built-in templates)", e);
        } catch (ParseException e) {
            throw new TemplateRenderException(name, e.getLineNumber(), "syntax error: " + e.getEditorMessage(), e);
        } catch (IOException e) {
            throw new TemplateRenderException(name, 0, "cannot read: " + e.getMessage(), e);
        }
        StringWriter out = new StringWriter();
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            String where = e.getTemplateSourceName() == null ? name : e.getTemplateSourceName();
            int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
            throw new TemplateRenderException(where, line, firstLine(e.getMessageWithoutStackTop()), e);
        } catch (IOException e) {
            throw new TemplateRenderException(name, 0, e.getMessage(), e);
        }
        return out.toString();
    }

    /** FreeMarker's messages span many lines; keep what names the culprit. */
    private static String firstLine(String message) {
        String m = message == null ? "render failed" : message.strip();
        for (String line : m.split("\n")) {
            if (line.strip().startsWith("==> ")) {
                String expr = line.strip().substring(4);
                int bracket = expr.indexOf("  [");
                return "undefined value: " + (bracket < 0 ? expr : expr.substring(0, bracket)).strip();
            }
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}
