package dev.provisioner.ops.etcd;

/** An etcd day-2 operation (member removal, snapshot, restore) was refused or failed; the message says why and where. */
public class EtcdOperationException extends RuntimeException {
    public EtcdOperationException(String message) {
        super(message);
    }

    public EtcdOperationException(String message, Throwable cause) {
        super(message, cause);
    }
}
