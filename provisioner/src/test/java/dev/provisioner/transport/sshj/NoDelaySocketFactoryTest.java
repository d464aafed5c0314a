package dev.provisioner.transport.sshj;

import dev.provisioner.transport.TransportOptions;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;

/** The sshj transport's sockets have Nagle's algorithm off, as OpenSSH's and JSch's do (a plain local listener stands in for sshd). */
class NoDelaySocketFactoryTest {
    @Test
    void everySocketTheFactoryMakesHasNoDelayOn() throws Exception {
        NoDelaySocketFactory factory = new NoDelaySocketFactory();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 10, loopback)) {
            int port = server.getLocalPort();
            try (Socket unconnected = factory.createSocket()) {
                assertThat(unconnected.getTcpNoDelay()).isTrue();
                unconnected.connect(new InetSocketAddress(loopback, port), 5000);
                assertThat(unconnected.getTcpNoDelay()).as("as sshj connects it").isTrue();
            }
            try (Socket a = factory.createSocket(loopback.getHostAddress(), port);
                 Socket b = factory.createSocket(loopback, port);
                 Socket c = factory.createSocket(loopback.getHostAddress(), port, loopback, 0);
                 Socket d = factory.createSocket(loopback, port, loopback, 0)) {
                for (Socket s : new Socket[] {a, b, c, d}) {
                    assertThat(s.isConnected()).isTrue();
                    assertThat(s.getTcpNoDelay()).isTrue();
                }
            }
        }
    }

    @Test
    void theTransportsClientsUseIt() {
        assertThat(new SshjTransport(TransportOptions.defaults()).newClient().getSocketFactory()).isInstanceOf(NoDelaySocketFactory.class);
    }
}
