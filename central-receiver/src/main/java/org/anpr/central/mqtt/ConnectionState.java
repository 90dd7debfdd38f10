package org.anpr.central.mqtt;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import org.anpr.protocol.topic.Topic;

/** What the handlers of one connection share; fields are touched on its event loop only. */
final class ConnectionState {
    private static final AttributeKey<ConnectionState> KEY = AttributeKey.valueOf("anpr.connection");

    /** The last will: an OFFLINE status on the gantry's own status topic, published if the connection just drops. */
    record Will(Topic topic, byte[] payload) {
    }

    final ReadGate gate;
    final AckSequencer acks;
    String gantryId;
    /** The password hash this connection was verified against, or null (certificate). */
    String verifier;
    /** The client certificate this connection was verified by, or null (password). */
    java.security.cert.X509Certificate certificate;
    Session session;
    Will will;
    boolean cleanDisconnect;

    private ConnectionState(Channel ch, int maxInflight) {
        this.gate = new ReadGate(ch);
        this.acks = new AckSequencer(ch, gate, maxInflight);
    }

    static ConnectionState install(Channel ch, int maxInflight) {
        ConnectionState s = new ConnectionState(ch, maxInflight);
        ch.attr(KEY).set(s);
        return s;
    }

    static ConnectionState of(Channel ch) {
        return ch.attr(KEY).get();
    }

    boolean connected() {
        return gantryId != null;
    }

    /** For log lines: the gantry id once known, the remote address before. */
    static String who(Channel ch) {
        ConnectionState s = of(ch);
        return s != null && s.gantryId != null ? "gantry " + s.gantryId : "client " + ch.remoteAddress();
    }
}
