package dev.provisioner.api;

import dev.provisioner.operation.RunLockedException;
import dev.provisioner.ops.etcd.EtcdOperationException;
import dev.provisioner.ops.etcd.EtcdRefusedException;
import dev.provisioner.transport.AuthenticationException;
import dev.provisioner.transport.CommandTimeoutException;
import dev.provisioner.transport.HostKeyException;
import dev.provisioner.transport.SudoException;
import dev.provisioner.transport.UnreachableException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** A failure's kind comes from the type of what was thrown where it arose (or of the typed cause it wraps), never its message. */
class FailuresTest {
    @Test
    void eachTypedFailureHasItsKind() {
        assertThat(Failures.kindOf(new UnreachableException("h", "connection refused"))).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(Failures.kindOf(new HostKeyException("h", "changed"))).isEqualTo(FailureKind.HOST_KEY);
        assertThat(Failures.kindOf(new AuthenticationException("h", "denied"))).isEqualTo(FailureKind.AUTH);
        assertThat(Failures.kindOf(new SudoException("h", "a password is required"))).isEqualTo(FailureKind.SUDO);
        assertThat(Failures.kindOf(new CommandTimeoutException("h", "did not finish within 1 s"))).isEqualTo(FailureKind.TIMEOUT);
        assertThat(Failures.kindOf(new TimeoutException("health check"))).isEqualTo(FailureKind.TIMEOUT);
        assertThat(Failures.kindOf(new RunLockedException("h", "run x"))).isEqualTo(FailureKind.LOCKED);
        assertThat(Failures.kindOf(new InterruptedException("stop"))).isEqualTo(FailureKind.INTERRUPTED);
        assertThat(Failures.kindOf(new EtcdRefusedException("would lose quorum"))).isEqualTo(FailureKind.REFUSED);
        assertThat(Failures.kindOf(new IllegalStateException("exit 1"))).isEqualTo(FailureKind.STEP_FAILED);
    }

    @Test
    void aWrapperTakesTheKindOfTheTypedCauseItCarriesNotOfItsWords() {
        assertThat(Failures.kindOf(new EtcdOperationException("cannot reach etcd member m1; nothing was changed",
                new UnreachableException("m1", "no route")))).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(Failures.kindOf(new EtcdOperationException("host key changed, unreachable, timed out")))
                .isEqualTo(FailureKind.STEP_FAILED);
    }
}
