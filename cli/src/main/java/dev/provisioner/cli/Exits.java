package dev.provisioner.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The exit codes a command can return, in the order its help lists them; the texts come from
 * {@link ExitCode} (applied to the picocli model by {@link HelpLayout}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface Exits {
    ExitCode[] value();
}
