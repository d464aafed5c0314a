package dev.provisioner;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The library's version, as built. */
public final class Version {
    private Version() {
    }

    /** The Maven project version this jar was built from, or {@code unknown} outside a build. */
    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
