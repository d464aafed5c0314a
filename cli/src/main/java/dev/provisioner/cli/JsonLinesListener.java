package dev.provisioner.cli;

import dev.provisioner.api.ProvisionEvent;
import dev.provisioner.api.ProvisionListener;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --json}: one JSON object per line per event,
 * {@code {"time":"...","event":"StepFinished","data":{...}}}; the same events the Java API delivers.
 */
final class JsonLinesListener implements ProvisionListener {
    private final PrintWriter out;

    JsonLinesListener(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onEvent(ProvisionEvent event) {
        line(event.getClass().getSimpleName(), event);
    }

    /** Writes a non-event line (the final summary) in the same shape. */
    void line(String name, Object data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", Instant.now().toString());
        m.put("event", name);
        m.put("data", data);
        out.println(Json.write(m));
        out.flush();
    }
}
