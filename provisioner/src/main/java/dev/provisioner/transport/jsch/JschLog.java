package dev.provisioner.transport.jsch;

import dev.provisioner.transport.SecretMasker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes one JSch instance's log to slf4j (set per instance, never through JSch's static global
 * logger). JSch's INFO and WARN are protocol chatter or failures that the transport reports itself
 * as exceptions (a wrong passphrase, a refused method), so they go to DEBUG; only JSch's ERROR and
 * FATAL become warnings.
 */
final class JschLog implements com.jcraft.jsch.Logger {
    private static final Logger LOG = LoggerFactory.getLogger("dev.provisioner.transport.jsch.JSch");
    private final SecretMasker masker;

    JschLog(SecretMasker masker) {
        this.masker = masker;
    }

    @Override
    public boolean isEnabled(int level) {
        return level >= ERROR ? LOG.isWarnEnabled() : LOG.isDebugEnabled();
    }

    @Override
    public void log(int level, String message) {
        log(level, message, null);
    }

    @Override
    public void log(int level, String message, Throwable cause) {
        String text = masker.mask(message);
        String detail = cause == null ? text : text + ": " + masker.mask(String.valueOf(cause.getMessage()));
        if (level >= ERROR) {
            LOG.warn(detail);
        } else {
            LOG.debug(detail);
        }
    }
}
