package dev.provisioner.ops.etcd;

/** An etcd day-2 operation refused to start because it would be unsafe (it would lose quorum, or remove the last member); nothing was changed. */
public final class EtcdRefusedException extends EtcdOperationException {
    public EtcdRefusedException(String message) {
        super(message);
    }
}
