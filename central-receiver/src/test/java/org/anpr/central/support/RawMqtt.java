package org.anpr.central.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A bare TCP client writing hand-made MQTT bytes, for what well-behaved client libraries never send. */
public final class RawMqtt implements AutoCloseable {
    private final Socket socket;

    public RawMqtt(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5_000);
    }

    /** An MQTT 3.1.1 CONNECT with username and password, clean session. */
    public static byte[] connect(String clientId, String user, String password, int keepAliveSeconds) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, "MQTT");
        body.write(4);          // protocol level 3.1.1
        body.write(0xC2);       // username, password, clean session
        body.write(keepAliveSeconds >> 8);
        body.write(keepAliveSeconds & 0xFF);
        string(body, clientId);
        string(body, user);
        string(body, password);
        return packet(0x10, body.toByteArray());
    }

    /** A QoS 1 PUBLISH. */
    public static byte[] publishQos1(String topic, int packetId, byte[] payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, topic);
        body.write(packetId >> 8);
        body.write(packetId & 0xFF);
        body.writeBytes(payload);
        return packet(0x32, body.toByteArray());
    }

    /** A SUBSCRIBE of one filter at {@code qos}. */
    public static byte[] subscribe(int packetId, String filter, int qos) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(packetId >> 8);
        body.write(packetId & 0xFF);
        string(body, filter);
        body.write(qos);
        return packet(0x82, body.toByteArray());
    }

    /** Reads one whole packet: its first byte, then its body (the remaining length decoded). */
    public Packet readPacket() throws IOException {
        InputStream in = socket.getInputStream();
        int first = in.read();
        if (first < 0) {
            throw new java.io.EOFException("closed by the server");
        }
        int length = 0;
        for (int shift = 0; ; shift += 7) {
            int digit = in.read();
            if (digit < 0) {
                throw new java.io.EOFException("closed inside a fixed header");
            }
            length |= (digit & 0x7F) << shift;
            if ((digit & 0x80) == 0) {
                break;
            }
        }
        return new Packet(first, in.readNBytes(length));
    }

    /** One MQTT packet as read: the type is {@code first >> 4}. */
    public record Packet(int first, byte[] body) {
        public int type() {
            return first >> 4;
        }
    }

    public static byte[] packet(int firstByte, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstByte);
        int len = body.length;
        do {
            int digit = len % 128;
            len /= 128;
            out.write(len > 0 ? digit | 0x80 : digit);
        } while (len > 0);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static void string(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b.length >> 8);
        out.write(b.length & 0xFF);
        out.writeBytes(b);
    }

    public void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** Reads exactly {@code n} bytes. */
    public byte[] read(int n) throws IOException {
        return socket.getInputStream().readNBytes(n);
    }

    /** Whether the server closed the connection within {@code millis} (EOF or reset). */
    public boolean closedWithin(long millis) throws IOException {
        socket.setSoTimeout((int) millis);
        InputStream in = socket.getInputStream();
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the server
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
