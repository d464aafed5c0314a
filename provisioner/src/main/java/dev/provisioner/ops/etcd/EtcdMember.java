package dev.provisioner.ops.etcd;

import java.util.List;

/**
 * One line of {@code etcdctl member list}.
 *
 * @param id         the member ID in hex, as {@code member remove} takes it
 * @param started    false for a member that was added but never started (it has no name yet)
 * @param name       the member name (our host name); empty while unstarted
 * @param peerUrls   its peer URLs
 * @param clientUrls its client URLs; empty while unstarted
 * @param learner    a non-voting learner
 */
public record EtcdMember(String id, boolean started, String name, List<String> peerUrls, List<String> clientUrls,
                         boolean learner) {
    public EtcdMember {
        peerUrls = List.copyOf(peerUrls);
        clientUrls = List.copyOf(clientUrls);
    }

    /** True when {@code nameOrPeerUrl} is this member's name or one of its peer URLs. */
    public boolean matches(String nameOrPeerUrl) {
        return (!name.isEmpty() && name.equals(nameOrPeerUrl)) || peerUrls.contains(nameOrPeerUrl);
    }
}
