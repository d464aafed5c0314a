package dev.provisioner.component.etcd;

import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A cluster-wide etcd write done once, on the first etcd member, and recorded in a file there after it
 * was verified: the facts compare that record with what is wanted, so a converged cluster costs no etcd
 * round trip (etcd auth set-up, flannel's network config). Pure.
 */
public final class FirstMemberRecord {
    private FirstMemberRecord() {
    }

    /** The record as the step's file on the first member; nothing elsewhere. */
    public static List<DesiredFile> files(StepContext ctx, Supplier<DesiredFile> record) {
        return EtcdMembers.of(ctx.inventory()).isFirst(ctx.host()) ? List.of(record.get()) : List.of();
    }

    /** "{@code what} once, on m1" for every other member; empty on the first member, which acts. */
    public static Optional<StepOutcome> elsewhere(StepContext ctx, String what) {
        EtcdMembers members = EtcdMembers.of(ctx.inventory());
        return members.isFirst(ctx.host()) ? Optional.empty()
                : Optional.of(StepOutcome.converged(what + " once, on " + members.first().name()));
    }

    /** Whether the host's record already holds exactly {@code record}. */
    public static boolean recorded(StepContext ctx, DesiredFile record) {
        return Converge.file(record, ctx.facts().orElseThrow()).isEmpty();
    }
}
