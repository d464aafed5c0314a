package dev.provisioner.api;

import java.nio.charset.StandardCharsets;

/**
 * A file the plan would write on a host.
 *
 * @param host      inventory name
 * @param path      absolute path on the host
 * @param content   the bytes
 * @param mode      permission bits on the host
 * @param sensitive a key or password file
 * @since 0.1
 */
public record RenderedFile(String host, String path, byte[] content, int mode, boolean sensitive) {
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
