package dev.provisioner.engine;

import java.util.List;

/**
 * Work around each batch of a rolling phase group in apply (a rolling upgrade's drain and uncordon, the
 * etcd snapshot before the first control-plane change). {@link #before} runs for every host of a batch
 * before any of them is touched; a failed result stops the rollout there (the batch is not run). After the
 * batch, {@link #after} runs for every host that finished its phases and health check; a failed result
 * stops the rollout too. Each result becomes a step record of the host. Called from the run's thread.
 */
public interface RolloutHooks {
    RolloutHooks NONE = new RolloutHooks() { };

    /** Before {@code host} is touched by {@code phases}; empty: nothing to do for it. */
    default List<HookResult> before(String host, List<String> phases) {
        return List.of();
    }

    /** After {@code host} passed {@code phases} and its health check. */
    default List<HookResult> after(String host, List<String> phases) {
        return List.of();
    }

    /**
     * @param step    the step name it is reported as, e.g. {@code drain}
     * @param action  what was run, for a failure
     * @param changed whether it changed something (a drain) or only looked (skipped for lack of an API)
     * @param ok      false stops the rollout
     * @param message what happened (masked by the engine)
     */
    record HookResult(String step, String action, boolean changed, boolean ok, String message) {
        public static HookResult done(String step, String message) {
            return new HookResult(step, step, true, true, message);
        }

        public static HookResult skipped(String step, String message) {
            return new HookResult(step, step, false, true, message);
        }

        public static HookResult failed(String step, String action, String message) {
            return new HookResult(step, action, false, false, message);
        }
    }
}
