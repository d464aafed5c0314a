package dev.provisioner.cli;

import dev.provisioner.api.ProvisionEvent;
import dev.provisioner.api.ProvisionListener;
import dev.provisioner.cli.json.EventDto;
import dev.provisioner.cli.json.JsonLines;

import java.io.PrintWriter;

/**
 * {@code --json}: one JSON object per line per event,
 * {@code {"time":"...","schema":1,"event":"StepFinished","data":{...}}}; the same events the Java API
 * delivers, written from the DTOs of {@link dev.provisioner.cli.json} (docs/json-output.md).
 */
final class JsonLinesListener implements ProvisionListener {
    private final JsonLines out;

    JsonLinesListener(PrintWriter out) {
        this.out = new JsonLines(out);
    }

    @Override
    public void onEvent(ProvisionEvent event) {
        EventDto.Named e = EventDto.of(event);
        out.line(e.event(), e.data());
    }

    /** Writes a non-event line (the report, the result) in the same envelope; {@code data} is a DTO. */
    void line(String name, Object data) {
        out.line(name, data);
    }
}
