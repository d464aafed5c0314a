package dev.provisioner.cli.json;

import dev.provisioner.api.ProvisionEvent;
import dev.provisioner.cli.json.ReportDto.ActionDto;
import dev.provisioner.cli.json.ReportDto.StepDto;

import java.util.List;

import static dev.provisioner.cli.json.ReportDto.lower;

/** The {@code data} of each progress event, named as the event ({@code "event":"StepFinished"}). */
public final class EventDto {
    private EventDto() {
    }

    public record RunStarted(String mode, List<String> phases, List<String> hosts) { }

    public record RunFinished(String mode, boolean ok, long durationMillis) { }

    public record PhaseStarted(String phase, List<String> hosts) { }

    public record PhaseFinished(String phase, boolean ok, long durationMillis) { }

    public record HostStarted(String phase, String host) { }

    public record HostFinished(String phase, String host, boolean ok, long durationMillis) { }

    public record StepStarted(String phase, String host, String step) { }

    public record StepFinished(StepDto report) { }

    public record ActionEvent(String phase, String host, String step, ActionDto action) { }

    public record OutputLine(String host, boolean stderr, String line) { }

    /** The event's name and its data. */
    public record Named(String event, Object data) { }

    /** The DTO of {@code e}. */
    public static Named of(ProvisionEvent e) {
        Object data;
        if (e instanceof ProvisionEvent.RunStarted r) {
            data = new RunStarted(lower(r.mode()), r.phases(), r.hosts());
        } else if (e instanceof ProvisionEvent.RunFinished r) {
            data = new RunFinished(lower(r.mode()), r.ok(), r.duration().toMillis());
        } else if (e instanceof ProvisionEvent.PhaseStarted p) {
            data = new PhaseStarted(p.phase(), p.hosts());
        } else if (e instanceof ProvisionEvent.PhaseFinished p) {
            data = new PhaseFinished(p.phase(), p.ok(), p.duration().toMillis());
        } else if (e instanceof ProvisionEvent.HostStarted h) {
            data = new HostStarted(h.phase(), h.host());
        } else if (e instanceof ProvisionEvent.HostFinished h) {
            data = new HostFinished(h.phase(), h.host(), h.ok(), h.duration().toMillis());
        } else if (e instanceof ProvisionEvent.StepStarted s) {
            data = new StepStarted(s.phase(), s.host(), s.step());
        } else if (e instanceof ProvisionEvent.StepFinished s) {
            data = new StepFinished(StepDto.of(s.report()));
        } else if (e instanceof ProvisionEvent.ActionEvent a) {
            data = new ActionEvent(a.phase(), a.host(), a.step(), ActionDto.of(a.action()));
        } else if (e instanceof ProvisionEvent.OutputLine o) {
            data = new OutputLine(o.host(), o.stderr(), o.line());
        } else {
            return new Named(e.getClass().getSimpleName(), null);
        }
        return new Named(e.getClass().getSimpleName(), data);
    }
}
