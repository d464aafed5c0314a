package dev.provisioner.cli.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintWriter;
import java.time.Instant;

/**
 * Writes one JSON object per line: {@code {"time":"...","schema":1,"event":"NAME","data":{...}}}; and,
 * for {@code check}, bare objects that carry {@code "schema":1} themselves. Thread-safe.
 */
public final class JsonLines {
    /**
     * The version of the format. Adding a field or an event keeps it; renaming or removing a field, or
     * changing its type or meaning, increments it.
     */
    public static final int SCHEMA = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PrintWriter out;

    public JsonLines(PrintWriter out) {
        this.out = out;
    }

    /** The envelope of every line but check's. */
    @JsonPropertyOrder({"time", "schema", "event", "data"})
    public record Line(String time, int schema, String event, Object data) {
    }

    /** Writes {@code data} as the line of event {@code event}. */
    public void line(String event, Object data) {
        print(new Line(Instant.now().toString(), SCHEMA, event, data));
    }

    /** Writes {@code value} (which carries its own {@code schema}) as one line. */
    public void print(Object value) {
        String text = write(value);
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }

    /** {@code value} as compact JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
