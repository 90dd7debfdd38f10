package org.anpr.bench.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Sockets for the Paho clients whose input is buffered. Paho reads a packet's fixed header a
 * byte at a time from the socket's own (unbuffered) stream: three read syscalls per 4-byte
 * PUBACK, 60,000 a second at 20,000 reads/s, all on the machine the receiver is measured on.
 * Buffered, a burst of PUBACKs is one read. Paho's output stream is already buffered.
 */
final class BufferedSockets extends SocketFactory {
    private static final int BUFFER = 8 * 1024;

    @Override
    public Socket createSocket() {
        return new Buffered();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = new Buffered();
        s.connect(new java.net.InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket s = new Buffered();
        s.bind(new java.net.InetSocketAddress(localHost, localPort));
        s.connect(new java.net.InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = new Buffered();
        s.connect(new java.net.InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        Socket s = new Buffered();
        s.bind(new java.net.InetSocketAddress(localAddress, localPort));
        s.connect(new java.net.InetSocketAddress(address, port));
        return s;
    }

    private static final class Buffered extends Socket {
        private InputStream in;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            // A read that times out (Paho sets SO_TIMEOUT) consumes nothing from the buffer.
            if (in == null) {
                in = new BufferedInputStream(super.getInputStream(), BUFFER);
            }
            return in;
        }
    }
}
