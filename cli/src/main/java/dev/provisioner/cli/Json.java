package dev.provisioner.cli;

import dev.provisioner.template.Escapes;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Writes records, lists, maps and plain values as compact JSON (the events and reports are records). */
final class Json {
    private Json() {
    }

    static String write(Object value) {
        StringBuilder b = new StringBuilder();
        append(b, value);
        return b.toString();
    }

    private static void append(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Optional<?> o) {
            append(b, o.orElse(null));
        } else if (v instanceof String s) {
            string(b, s);
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof Duration d) {
            b.append(d.toMillis());
        } else if (v instanceof Enum<?> e) {
            string(b, e.name().toLowerCase(Locale.ROOT));
        } else if (v instanceof Collection<?> c) {
            b.append('[');
            int i = 0;
            for (Object item : c) {
                b.append(i++ == 0 ? "" : ",");
                append(b, item);
            }
            b.append(']');
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(i++ == 0 ? "" : ",");
                string(b, String.valueOf(e.getKey()));
                b.append(':');
                append(b, e.getValue());
            }
            b.append('}');
        } else if (v.getClass().isRecord()) {
            b.append('{');
            int i = 0;
            for (RecordComponent c : v.getClass().getRecordComponents()) {
                b.append(i++ == 0 ? "" : ",");
                string(b, durationName(c));
                b.append(':');
                try {
                    append(b, c.getAccessor().invoke(v));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            b.append('}');
        } else {
            string(b, v.toString());
        }
    }

    private static String durationName(RecordComponent c) {
        return c.getType() == Duration.class ? c.getName() + "Millis" : c.getName();
    }

    private static void string(StringBuilder b, String s) {
        b.append(Escapes.json(s));
    }
}
