package org.anpr.central.mqtt;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.anpr.central.auth.CredentialsWatcher;
import org.anpr.central.auth.TopicAcl;
import org.anpr.central.config.MqttConfig;
import org.anpr.central.ingest.Ingestor;
import org.anpr.central.metrics.ReceiverMetrics;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CONNECT: MQTT 3.1/3.1.1 only; the gantry id is a verified TLS client certificate's CN, or else
 * the username, with the password checked against the gantry's PBKDF2 hash; client id = gantry id; the will (if any) only on the gantry's own status topic. Then the
 * keep-alive watchdog, CONNACK, and the session. Any packet before CONNECT, or a second
 * CONNECT, closes the connection.
 *
 * <p>PBKDF2 is deliberately slow, so it runs on {@code authExecutor}, not the event loop;
 * meanwhile reading pauses and packets the client sent right behind its CONNECT (3.1.1 allows
 * that) are held, then passed on after CONNACK or released on refusal.
 */
final class ConnectHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectHandler.class);
    static final String IDLE_HANDLER = "idle";

    private record Request(String gantry, String clientId, byte[] password, boolean clean, int keepAlive,
                           boolean hasWill, String willTopic, byte[] willPayload) {
    }

    /** How a CONNECT was verified: the password hash it matched, or the certificate; null fields when refused. */
    private record Verified(String verifier, java.security.cert.X509Certificate certificate) {
        static final Verified REFUSED = new Verified(null, null);

        boolean ok() {
            return verifier != null || certificate != null;
        }
    }

    private final MqttConfig config;
    private final CredentialsWatcher credentials;
    private final Executor authExecutor;
    private final SessionRegistry sessions;
    private final Ingestor ingestor;
    private final ReceiverMetrics metrics;
    private List<Object> heldBehindConnect;

    ConnectHandler(MqttConfig config, CredentialsWatcher credentials, Executor authExecutor, SessionRegistry sessions,
                   Ingestor ingestor, ReceiverMetrics metrics) {
        this.config = config;
        this.credentials = credentials;
        this.authExecutor = authExecutor;
        this.sessions = sessions;
        this.ingestor = ingestor;
        this.metrics = metrics;
    }

    /** Closes the connection when CONNECT has not been accepted in time: a deadline, not an idle timer. */
    private io.netty.util.concurrent.ScheduledFuture<?> deadline;

    /**
     * The reader-idle timer restarts with every byte, so a client trickling one byte every few
     * seconds would hold its connection (and a pending CONNECT buffer) for ever; this does not.
     */
    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        deadline = ctx.executor().schedule(() -> {
            if (!ConnectionState.of(ctx.channel()).connected() && ctx.channel().isActive()) {
                metrics.increment(Counter.CONNECTIONS_REFUSED);
                LOG.warn("client {}: no accepted CONNECT within {} s, closing", ctx.channel().remoteAddress(),
                        config.connectTimeoutSeconds());
                ctx.close();
            }
        }, config.connectTimeoutSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ConnectionState state = ConnectionState.of(ctx.channel());
        MqttMessage m = (MqttMessage) msg;
        boolean isConnect = m.fixedHeader().messageType() == MqttMessageType.CONNECT;
        if (heldBehindConnect != null && !isConnect) {
            heldBehindConnect.add(msg); // released in finish() or channelInactive()
            return;
        }
        if (state.connected() && !isConnect) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (state.connected() || heldBehindConnect != null || !isConnect) {
                LOG.warn("{}: {} {}, closing", ConnectionState.who(ctx.channel()), m.fixedHeader().messageType(),
                        isConnect ? "a second CONNECT" : "before CONNECT");
                ctx.close();
                return;
            }
            start(ctx, state, (MqttConnectMessage) m);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void start(ChannelHandlerContext ctx, ConnectionState state, MqttConnectMessage m) {
        MqttConnectVariableHeader h = m.variableHeader();
        MqttConnectPayload p = m.payload();
        if (h.version() != 3 && h.version() != 4) {
            refuse(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION, "protocol level " + h.version());
            return;
        }
        if (p.clientIdentifier() == null || p.clientIdentifier().isEmpty() || p.clientIdentifier().length() > config.maxClientIdLength()) {
            // MqttDecoder enforces its client-id limit for MQTT 3.1 only; 3.1.1 ids are checked here.
            refuse(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED, "client id empty or longer than "
                    + config.maxClientIdLength());
            return;
        }
        java.security.cert.X509Certificate cert = TlsContexts.peerCertificate(ctx.pipeline().get(SslHandler.class));
        String certified = TlsContexts.gantryId(cert);
        if (certified != null) {
            if (credentials.revocations().isRevoked(cert)) {
                refuse(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED,
                        "certificate of '" + certified + "' (serial " + cert.getSerialNumber().toString(16) + ") is revoked");
                return;
            }
            // mTLS: the verified certificate's CN is the gantry id; a username, if sent, must agree.
            if (h.hasUserName() && !certified.equals(p.userName())) {
                refuse(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED,
                        "username '" + p.userName() + "' on a connection certified as '" + certified + "'");
                return;
            }
            accept(ctx, state, new Request(certified, p.clientIdentifier(), null, h.isCleanSession(), h.keepAliveTimeSeconds(),
                    h.isWillFlag(), p.willTopic(), p.willMessageInBytes()), new Verified(null, cert));
            return;
        }
        if (!h.hasUserName() || !h.hasPassword()) {
            refuse(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD, "no username or password");
            return;
        }
        Request r = new Request(p.userName(), p.clientIdentifier(), p.passwordInBytes(), h.isCleanSession(),
                h.keepAliveTimeSeconds(), h.isWillFlag(), p.willTopic(), p.willMessageInBytes());
        heldBehindConnect = new ArrayList<>();
        state.gate.set(ReadGate.Reason.AUTHENTICATING, true);
        try {
            authExecutor.execute(() -> {
                if (!ctx.channel().isActive()) { // gone while it waited: no KDF run for nobody
                    ctx.executor().execute(() -> finish(ctx, state, r, Verified.REFUSED));
                    return;
                }
                String verifier = credentials.credentials().verifier(r.gantry(), r.password());
                ctx.executor().execute(() -> finish(ctx, state, r, new Verified(verifier, null)));
            });
        } catch (java.util.concurrent.RejectedExecutionException full) {
            heldBehindConnect.forEach(ReferenceCountUtil::release);
            heldBehindConnect = null;
            state.gate.set(ReadGate.Reason.AUTHENTICATING, false);
            metrics.increment(Counter.AUTHENTICATIONS_SHED);
            refuse(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE,
                    "more than " + config.maxPendingAuthentications() + " CONNECTs waiting for a password check");
        }
    }

    private void finish(ChannelHandlerContext ctx, ConnectionState state, Request r, Verified authenticated) {
        List<Object> held = heldBehindConnect;
        heldBehindConnect = null;
        state.gate.set(ReadGate.Reason.AUTHENTICATING, false);
        if (!ctx.channel().isActive()) {
            held.forEach(ReferenceCountUtil::release);
            return;
        }
        if (!accept(ctx, state, r, authenticated)) {
            held.forEach(ReferenceCountUtil::release);
            return;
        }
        held.forEach(ctx::fireChannelRead);
    }

    private boolean accept(ChannelHandlerContext ctx, ConnectionState state, Request r, Verified authenticated) {
        if (!authenticated.ok()) {
            refuse(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD, "bad username or password for '" + r.gantry() + "'");
            return false;
        }
        if (authenticated.verifier() != null && !credentials.credentials().stillAccepts(r.gantry(), authenticated.verifier())) {
            // reloaded while the password was checked: the reload's re-check did not see this connection yet
            refuse(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED, "the credentials of '" + r.gantry()
                    + "' changed while they were checked");
            return false;
        }
        if (!r.gantry().equals(r.clientId())) {
            refuse(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED,
                    "client id '" + r.clientId() + "' is not the gantry id '" + r.gantry() + "'");
            return false;
        }
        ConnectionState.Will will = null;
        if (r.hasWill()) {
            Topic topic = TopicAcl.publishable(r.gantry(), r.willTopic());
            if (topic == null || topic.kind() != TopicKind.STATUS) {
                metrics.increment(Counter.ACL_DENIALS);
                refuse(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED,
                        "gantry " + r.gantry() + " may leave a will only on its status topic, not '" + r.willTopic() + "'");
                return false;
            }
            will = new ConnectionState.Will(topic, r.willPayload());
        }
        int keepAlive = r.keepAlive() <= 0 || r.keepAlive() > config.maxKeepAliveSeconds() ? config.maxKeepAliveSeconds() : r.keepAlive();
        // 1.5 x keep-alive, as MQTT 3.1.1 section 3.1.2.10 has the server allow; 0 ("never") is not for us.
        ctx.pipeline().replace(IDLE_HANDLER, IDLE_HANDLER, new IdleStateHandler(keepAlive * 1500L, 0, 0, TimeUnit.MILLISECONDS));
        SessionRegistry.Bound bound = sessions.connect(r.gantry(), r.clean(), ctx.channel());
        state.gantryId = r.gantry();
        state.verifier = authenticated.verifier();
        state.certificate = authenticated.certificate();
        state.session = bound.session();
        state.will = will;
        if (deadline != null) {
            deadline.cancel(false);
        }
        metrics.increment(Counter.CONNECTIONS_ACCEPTED);
        LOG.info("gantry {} connected from {} (clean session {}, keep-alive {} s)", r.gantry(), ctx.channel().remoteAddress(),
                r.clean(), keepAlive);
        ctx.writeAndFlush(MqttMessages.connAck(MqttConnectReturnCode.CONNECTION_ACCEPTED, bound.present()));
        ingestor.presence(r.gantry(), true);
        sessions.attach(bound.session(), ctx.channel());
        return true;
    }

    private void refuse(ChannelHandlerContext ctx, MqttConnectReturnCode code, String why) {
        metrics.increment(Counter.CONNECTIONS_REFUSED);
        LOG.warn("client {}: CONNECT refused ({}): {}", ctx.channel().remoteAddress(), code, why);
        ctx.writeAndFlush(MqttMessages.connAck(code, false)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (heldBehindConnect != null) {
            heldBehindConnect.forEach(ReferenceCountUtil::release);
            heldBehindConnect.clear();
        }
        ctx.fireChannelInactive();
    }
}
