package org.anpr.central.mqtt;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.NettyRuntime;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.anpr.central.auth.CredentialsWatcher;
import org.anpr.central.config.MqttConfig;
import org.anpr.central.ingest.Ingestor;
import org.anpr.central.ingest.StoreLagListener;
import org.anpr.central.metrics.ReceiverMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT 3.1.1 endpoint the gantries connect to. Pipeline per connection, one job per handler:
 *
 * <pre>
 * caps      ConnectionCaps       total and per-address connection caps (closes on arrival)
 * tls       SslHandler           on the TLS listener only
 * idle (IdleStateHandler: connect timeout, then 1.5 x keep-alive)
 * connectSize ConnectSizeLimit   closes on a CONNECT announced larger than maxConnectBytes; then leaves
 * decoder (MqttDecoder with our size and client-id limits)   encoder (MqttEncoder)
 * guard     DecodeFailureGuard   a failed decode closes the connection
 * connect   ConnectHandler       authentication, will ACL, CONNACK, session
 * publish   PublishHandler       ACL, ingest, PUBACK after commit
 * subscribe SubscriptionHandler  ACL, SUBACK
 * delivery  DeliveryHandler      downstream PUBACKs, writability, delivery timeout
 * lifecycle LifecycleHandler     offline, will
 * control   ControlHandler       PINGREQ, DISCONNECT, idle, the rest
 * </pre>
 */
public final class MqttServer implements StoreLagListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttServer.class);

    private final MqttConfig config;
    private final CredentialsWatcher credentials;
    private final SessionRegistry sessions;
    private final Ingestor ingestor;
    private final ReceiverMetrics metrics;
    private final ChannelGroup channels = new DefaultChannelGroup("mqtt", GlobalEventExecutor.INSTANCE);
    private final DecodeFailureGuard guard;
    private final ConnectionCaps caps;
    private volatile boolean storeLagging;
    /** PBKDF2 checks, off the event loops; a bounded queue (config.maxPendingAuthentications) that refuses when full. */
    private final ExecutorService authExecutor;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private final SslContext tls;
    private final List<Channel> listeners = new ArrayList<>();

    /** @param tls the TLS listener's context, or null for none */
    public MqttServer(MqttConfig config, SslContext tls, CredentialsWatcher credentials, SessionRegistry sessions, Ingestor ingestor,
                      ReceiverMetrics metrics) {
        this(config, tls, credentials, sessions, ingestor, metrics, new java.util.concurrent.ThreadPoolExecutor(2, 2, 0,
                TimeUnit.MILLISECONDS, new java.util.concurrent.ArrayBlockingQueue<>(config.maxPendingAuthentications()), r -> {
                    Thread t = new Thread(r, "mqtt-auth");
                    t.setDaemon(true);
                    return t;
                }));
    }

    /** @param authExecutor where password checks run (tests: on the caller, for a deterministic fuzz harness) */
    MqttServer(MqttConfig config, SslContext tls, CredentialsWatcher credentials, SessionRegistry sessions, Ingestor ingestor,
               ReceiverMetrics metrics, ExecutorService authExecutor) {
        this.config = config;
        this.tls = tls;
        this.credentials = credentials;
        this.sessions = sessions;
        this.ingestor = ingestor;
        this.metrics = metrics;
        this.guard = new DecodeFailureGuard(metrics);
        this.caps = new ConnectionCaps(config.maxConnections(), config.maxConnectionsPerAddress(), metrics);
        this.authExecutor = authExecutor;
    }

    /**
     * Binds a listener; call once per listener, before any connection arrives.
     *
     * @param withTls whether connections on it start with a TLS handshake
     * @return the port actually bound (useful with port 0)
     */
    public synchronized int listen(int port, boolean withTls) throws InterruptedException {
        if (withTls && tls == null) {
            throw new IllegalStateException("no TLS context configured");
        }
        if (workers == null) {
            boss = new NioEventLoopGroup(1);
            // One event loop per core, not Netty's default of two: they never block (PBKDF2 and the
            // store are elsewhere), and on a small machine surplus loops only add context switches
            // and spread the same connections thinner (fewer messages per wake-up).
            workers = new NioEventLoopGroup(NettyRuntime.availableProcessors());
        }
        ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        initConnection(ch, withTls);
                    }
                });
        ChannelFuture bind = b.bind(config.host(), port).sync();
        listeners.add(bind.channel());
        int bound = ((InetSocketAddress) bind.channel().localAddress()).getPort();
        LOG.info("MQTT endpoint listening on {}:{}{}", config.host(), bound, withTls ? " (TLS)" : "");
        return bound;
    }

    /** Sets up one accepted connection's pipeline (package-private for the fuzz harness's embedded channels). */
    void initConnection(Channel ch, boolean withTls) {
        ConnectionState state = ConnectionState.install(ch, config.maxInflightPerClient());
        channels.add(ch);
        if (storeLagging) {
            state.gate.set(ReadGate.Reason.STORE_LAG, true);
        }
        ch.pipeline().addLast("caps", caps); // first: a connection over a cap costs no handshake
        if (withTls) {
            ch.pipeline().addLast("tls", tls.newHandler(ch.alloc())); // owns the raw bytes; hands on plaintext
        }
        ch.pipeline()
                .addLast(ConnectHandler.IDLE_HANDLER, new IdleStateHandler(config.connectTimeoutSeconds(), 0, 0, TimeUnit.SECONDS))
                .addLast("connectSize", new ConnectSizeLimit(config.maxConnectBytes(), metrics))
                .addLast("decoder", new MqttDecoder(config.maxMessageBytes(), config.maxClientIdLength()))
                .addLast("encoder", MqttEncoder.INSTANCE)
                .addLast("guard", guard)
                .addLast("connect", new ConnectHandler(config, credentials, authExecutor, sessions, ingestor, metrics))
                .addLast("publish", new PublishHandler(ingestor, metrics))
                .addLast("subscribe", new SubscriptionHandler(sessions, metrics))
                .addLast("delivery", new DeliveryHandler(config.deliveryTimeoutSeconds(), metrics))
                .addLast("lifecycle", new LifecycleHandler(sessions, ingestor))
                .addLast("control", new ControlHandler(metrics));
    }

    /**
     * After the credentials or the CRL changed: closes every connection whose password line was
     * removed or replaced, or whose certificate is now revoked. Its session stays (a persistent one
     * keeps what is queued) and the gantry must authenticate again to get it.
     */
    public void revalidate() {
        for (Channel ch : channels) {
            ch.eventLoop().execute(() -> {
                ConnectionState s = ConnectionState.of(ch);
                if (s == null || !s.connected() || !ch.isActive()) {
                    return;
                }
                boolean keeps = s.certificate != null
                        ? !credentials.revocations().isRevoked(s.certificate)
                        : credentials.credentials().stillAccepts(s.gantryId, s.verifier);
                if (!keeps) {
                    metrics.increment(ReceiverMetrics.Counter.CONNECTIONS_REVOKED);
                    LOG.warn("gantry {}: its {} was revoked or replaced, closing its connection", s.gantryId,
                            s.certificate != null ? "certificate" : "password");
                    ch.close();
                }
            });
        }
    }

    /** Open connections, authenticated or not. */
    public int connectionCount() {
        return channels.size();
    }

    /** Stops or resumes reading on every connection (and on those accepted meanwhile). */
    @Override
    public void storeLagging(boolean lagging) {
        storeLagging = lagging;
        for (Channel ch : channels) {
            ConnectionState.of(ch).gate.set(ReadGate.Reason.STORE_LAG, lagging);
        }
    }

    /** Closes the listener and every connection; clients redeliver whatever was not acknowledged. */
    @Override
    public void close() {
        listeners.forEach(l -> l.close().awaitUninterruptibly());
        channels.close().awaitUninterruptibly();
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
        authExecutor.shutdownNow();
    }
}
