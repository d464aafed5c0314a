package dev.provisioner.step;

/**
 * One change a step wants on a host. Steps return actions; the executor applies them in batches
 * (files in one SFTP session, everything else in one script) ordered by {@link #stage()}, and in the
 * order the steps returned them within a stage.
 */
public sealed interface Action permits PutFile, InstallPackages, RunCommand, EnsureUnit, RestartOnChange,
        RestartUnit, DaemonReload, WaitHealthy {

    /** One line for plans, events and reports (secrets are masked by the engine before it leaves). */
    String describe();

    /** When, within a host's batch, the action runs. */
    Stage stage();

    /**
     * The order of a host's batch: packages, early commands, files, enabling units, daemon-reload, commands and
     * starting units, handlers, health.
     */
    enum Stage { PACKAGES, BEFORE_FILES, FILES, ENABLE_UNITS, DAEMON_RELOAD, COMMANDS, HANDLERS, HEALTH }
}
