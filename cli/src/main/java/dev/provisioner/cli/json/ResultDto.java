package dev.provisioner.cli.json;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/** The last line of a command ({@code "event":"Result"}): its exit code and what it means. */
public final class ResultDto {
    private ResultDto() {
    }

    /** apply, upgrade, lab up: the verdict line and what became of each phase; {@code log} when a log was written. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Run(int exitCode, String exit, String verdict, Map<String, String> phases, String log) { }

    /** run: one line summing up the hosts. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AdHoc(int exitCode, String exit, String summary, String log) { }

    /** plan: whether anything would change. */
    public record Plan(int exitCode, String exit, boolean changes) { }

    /** Every other command: its name and exit code (its text output went to stderr). */
    public record Command(String command, int exitCode, String exit) { }
}
