package dev.provisioner.template;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.core.XMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;

/** The one FreeMarker configuration of the project: strict, locale-free, deterministic. */
final class FreemarkerSettings {
    private FreemarkerSettings() {
    }

    static Configuration create(Optional<Path> overrideDir) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setDefaultEncoding(StandardCharsets.UTF_8.name());
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        // "c" (computer) format: 2379 stays 2379, never the locale's 2,379; booleans print true/false.
        cfg.setNumberFormat("c");
        cfg.setBooleanFormat("c");
        // Strict: an undefined value is an error (no silent empty strings), reported once, not logged.
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setLocalizedLookup(false);
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        cfg.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        cfg.setTemplateConfigurations(new FirstMatchTemplateConfigurationFactory(
                escaping("*.xml.ftl", XMLOutputFormat.INSTANCE),
                escaping("*.html.ftl", HTMLOutputFormat.INSTANCE)).allowNoMatch(true));
        for (String name : Escapes.names()) {
            cfg.setSharedVariable(name, Escapes.method(name, switch (name) {
                case "yaml" -> Escapes::yaml;
                case "json" -> Escapes::json;
                case "sh" -> Escapes::sh;
                default -> Escapes::toml;
            }));
        }
        SystemdEscapes.helpers().forEach((name, f) -> cfg.setSharedVariable(name, Escapes.method(name, f)));
        cfg.setTemplateLoader(loader(overrideDir));
        return cfg;
    }

    private static ConditionalTemplateConfigurationFactory escaping(String glob, freemarker.core.OutputFormat format) {
        TemplateConfiguration tc = new TemplateConfiguration();
        tc.setOutputFormat(format);
        tc.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        return new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher(glob), tc);
    }

    private static TemplateLoader loader(Optional<Path> overrideDir) {
        List<TemplateLoader> loaders = new ArrayList<>();
        if (overrideDir.isPresent()) {
            try {
                loaders.add(new FileTemplateLoader(overrideDir.get().toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("templates directory " + overrideDir.get() + " is not readable", e);
            }
        }
        loaders.add(new ClassTemplateLoader(FreemarkerSettings.class.getClassLoader(), "templates"));
        return new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new));
    }
}
