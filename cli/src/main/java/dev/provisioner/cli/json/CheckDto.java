package dev.provisioner.cli.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.provisioner.api.ProbeOutcome;

/** {@code check --json}: one object per probe result, then a summary; both carry the schema themselves. */
public final class CheckDto {
    private CheckDto() {
    }

    @JsonPropertyOrder({"probe", "host", "status", "detail", "schema"})
    public record Probe(String probe, String host, String status, String detail, int schema) {
        public static Probe of(ProbeOutcome r) {
            return new Probe(r.probe(), r.host(), ReportDto.lower(r.status()), r.detail(), JsonLines.SCHEMA);
        }
    }

    public record Summary(int schema, boolean ok, long durationMs, int exitCode, String exit) { }
}
