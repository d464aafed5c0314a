package dev.provisioner.cli.json;

import dev.provisioner.api.ActionReport;
import dev.provisioner.api.Counters;
import dev.provisioner.api.HostReport;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.StepFailure;
import dev.provisioner.api.StepReport;

import java.util.List;
import java.util.Locale;

/** The report of a plan, apply or upgrade ({@code "event":"Report"}) and the parts events share with it. */
public record ReportDto(String mode, List<HostDto> hosts, List<FailureDto> failures, long durationMillis) {

    public static ReportDto of(ProvisionReport r) {
        return new ReportDto(lower(r.mode()), r.hosts().stream().map(HostDto::of).toList(),
                r.failures().stream().map(FailureDto::of).toList(), r.duration().toMillis());
    }

    /** One host's steps and counters. */
    public record HostDto(String host, List<StepDto> steps, CountersDto counters) {
        static HostDto of(HostReport h) {
            return new HostDto(h.host(), h.steps().stream().map(StepDto::of).toList(), CountersDto.of(h.counters()));
        }
    }

    /** What one host's run cost. */
    public record CountersDto(long roundTrips, long bytesSent, long filesWritten, long unitsRestarted) {
        static CountersDto of(Counters c) {
            return new CountersDto(c.roundTrips(), c.bytesSent(), c.filesWritten(), c.unitsRestarted());
        }
    }

    /** One step on one host; {@code failure} is null unless it failed. */
    public record StepDto(String phase, String host, String step, String status, String reason, long durationMillis,
                          List<ActionDto> actions, FailureDto failure) {
        public static StepDto of(StepReport s) {
            return new StepDto(s.phase(), s.host(), s.step(), lower(s.status()), s.reason(), s.duration().toMillis(),
                    s.actions().stream().map(ActionDto::of).toList(), s.failure().map(FailureDto::of).orElse(null));
        }
    }

    /** One action of a step; {@code diff} is a unified diff of a file, empty for other actions. */
    public record ActionDto(String kind, String description, String diff, boolean done) {
        public static ActionDto of(ActionReport a) {
            return new ActionDto(a.kind(), a.description(), a.diff(), a.done());
        }
    }

    /** Why a step failed on a host. */
    public record FailureDto(String host, String phase, String step, String action, int exitCode, String stderrTail,
                             String message, boolean incomplete) {
        public static FailureDto of(StepFailure f) {
            return new FailureDto(f.host(), f.phase(), f.step(), f.action(), f.exitCode(), f.stderrTail(), f.message(),
                    f.incomplete());
        }
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
