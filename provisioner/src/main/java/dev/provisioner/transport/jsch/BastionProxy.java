package dev.provisioner.transport.jsch;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.ChannelDirectTCPIP;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Carries the target's SSH stream through a {@code direct-tcpip} channel of an authenticated bastion
 * session, like OpenSSH's ProxyJump: the bastion only relays bytes, the target handshake (host-key
 * check included) runs end to end.
 */
final class BastionProxy implements Proxy {
    private final Session bastion;
    private Channel channel;
    private InputStream in;
    private OutputStream out;

    BastionProxy(Session bastion) {
        this.bastion = bastion;
    }

    @Override
    public void connect(SocketFactory socketFactory, String host, int port, int timeout) throws Exception {
        ChannelDirectTCPIP tunnel = (ChannelDirectTCPIP) bastion.openChannel("direct-tcpip");
        tunnel.setHost(host);
        tunnel.setPort(port);
        // Streams first: with no input stream set, connect() opens the channel synchronously and
        // fails here when the bastion cannot reach the target.
        in = tunnel.getInputStream();
        out = tunnel.getOutputStream();
        channel = tunnel;
        tunnel.connect(timeout);
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public Socket getSocket() {
        return null;
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.disconnect();
        }
    }
}
