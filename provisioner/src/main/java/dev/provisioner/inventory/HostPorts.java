package dev.provisioner.inventory;

/** Addresses as URLs and {@code host:port} strings need them: IPv6 literals in brackets, everything else as it is. */
public final class HostPorts {
    private HostPorts() {
    }

    /** {@code address} as the host part of a URL: {@code [fd00::1]} for an IPv6 literal. */
    public static String host(String address) {
        return address.indexOf(':') >= 0 ? "[" + address + "]" : address;
    }

    /** {@code address:port}, with an IPv6 literal in brackets. */
    public static String of(String address, int port) {
        return host(address) + ":" + port;
    }
}
