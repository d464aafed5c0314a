package dev.provisioner.transport;

import dev.provisioner.Secret;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Replaces every registered secret value by {@code ******} in text that leaves the library
 * (messages, events, exceptions, captured output). One instance per run; thread-safe.
 */
public final class SecretMasker {
    public static final String MASK = "******";
    private final List<String> values = new CopyOnWriteArrayList<>();

    public void register(Secret secret) {
        if (secret != null) {
            register(secret.reveal());
        }
    }

    public void register(String value) {
        // Very short values would mask innocent text everywhere and protect nothing.
        if (value != null && value.length() >= 3 && !values.contains(value)) {
            values.add(value);
            values.sort(Comparator.comparingInt(String::length).reversed());
        }
    }

    public String mask(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String out = text;
        for (String v : values) {
            out = out.replace(v, MASK);
        }
        return out;
    }

    /** True when no secret is registered, so masking can be skipped. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * Masks the UTF-8 form of every registered secret in raw bytes (captured command output), leaving
     * every other byte untouched, so binary output stays binary. Returns {@code data} itself when
     * nothing matched.
     */
    public byte[] mask(byte[] data) {
        if (data == null || values.isEmpty()) {
            return data;
        }
        byte[] out = data;
        byte[] mask = MASK.getBytes(StandardCharsets.UTF_8);
        for (String v : values) {
            out = replace(out, v.getBytes(StandardCharsets.UTF_8), mask);
        }
        return out;
    }

    private static byte[] replace(byte[] data, byte[] needle, byte[] with) {
        int at = indexOf(data, needle, 0);
        if (at < 0) {
            return data;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        int from = 0;
        while (at >= 0) {
            out.write(data, from, at - from);
            out.write(with, 0, with.length);
            from = at + needle.length;
            at = indexOf(data, needle, from);
        }
        out.write(data, from, data.length - from);
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        byte first = needle[0];
        int last = data.length - needle.length;
        for (int i = from; i <= last; i++) {
            if (data[i] != first) {
                continue;
            }
            int j = 1;
            while (j < needle.length && data[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return i;
            }
        }
        return -1;
    }
}
