package dev.provisioner.cli;

import java.util.Arrays;

/**
 * Library logging for the command line (slf4j-simple): warnings and errors only, on stderr, so the
 * SSH libraries' connection chatter does not bury the output; everything with {@code --debug}.
 * Must run before the first logger is created; a level set with -D on the java command line wins.
 */
final class CliLogging {
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private CliLogging() {
    }

    static void configure(String[] args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        setDefault("defaultLogLevel", debug ? "debug" : "warn");
        setDefault("logFile", "System.err");
        setDefault("showThreadName", debug ? "true" : "false");
        setDefault("showLogName", debug ? "true" : "false");
        setDefault("levelInBrackets", "true");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
