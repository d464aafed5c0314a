package dev.provisioner.cis;

import java.util.List;

/** How a catalogue check is decided offline. */
sealed interface Rule {

    /** Mode (bitmask) or ownership of the files a {@link FileTarget} resolves to. */
    record FileRule(FileTarget target, Integer maxMode, String ownership, boolean optional) implements Rule {}

    /**
     * kube-bench test items combined with {@code and}/{@code or}; {@code useConfig} when the
     * component's config file is consulted for items not found on the command line.
     */
    record TestRule(boolean or, List<TestItem> items, boolean useConfig) implements Rule {
        public TestRule {
            items = List.copyOf(items);
        }
    }

    /** 1.2.28: the first provider of every resource in the EncryptionConfiguration. */
    record EncryptionProviders() implements Rule {}

    /** 2.7: kube-bench's presence test, plus etcd's CA must differ from the Kubernetes client CA. */
    record UniqueEtcdCa(TestRule presence) implements Rule {}

    /** 5.3.1: a manual check whose finding comes from the rendered CNI configuration. */
    record NetworkPolicySupport(String reason) implements Rule {}

    /** A judgement call; {@code showFlag} (may be null) is reported as the finding. */
    record Manual(String reason, String showFlag) implements Rule {}

    /** Needs a live cluster. */
    record LiveCluster(String reason) implements Rule {}
}
