package dev.provisioner.ops.check;

import java.util.List;

/** The probes {@code provisioner check} runs, in the order they are listed (the smoke test is separate). */
final class StandardProbes {
    private StandardProbes() {
    }

    /** etcd, registry, flannel, containerd, apiserver, nodes, CoreDNS. */
    public static List<Probe> all() {
        return List.of(new EtcdHealthProbe(), new RegistryServiceProbe(), new RegistryHttpProbe(), new FlanneldProbe(),
                new FlannelLeaseProbe(), new ContainerdProbe(), new ApiserverReadyProbe(), new ApiEndpointProbe(), new NodesReadyProbe(), new CoreDnsProbe());
    }
}
